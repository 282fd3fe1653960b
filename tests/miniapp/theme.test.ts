/**
 * Dark mode in the compiled bundles. WeChat: app.json turns darkmode on and names theme.json, whose light and dark
 * palettes define every '@name' the app's and pages' window settings use. Alipay (no theme file): literal colours,
 * the light palette's. Both: the style sheets define every colour variable they use in the light palette and again
 * under prefers-color-scheme: dark, and the app's own style sheets hold no colour outside the palette.
 */
import fs from 'node:fs'
import path from 'node:path'
import { distDir } from './harness/bundle'
import { filesOf } from './support/wechat-compilers'

const root = path.join(__dirname, '..', '..')
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
const theme = readJson(path.join(root, 'src', 'theme.json')) as { light: Record<string, string>; dark: Record<string, string> }

/** Every '@name' in the window settings of app.json and the pages' json. */
function themeRefs(dir: string): string[] {
  const refs = new Set<string>()
  for (const rel of filesOf(dir, '.json')) {
    if (rel.endsWith('project.json') || rel === 'theme.json') continue
    const json = readJson(path.join(dir, rel))
    const window = (rel === 'app.json' ? json.window : json) as Record<string, unknown> | undefined
    for (const value of Object.values(window ?? {})) if (typeof value === 'string' && value.startsWith('@')) refs.add(value.slice(1))
  }
  return [...refs].sort()
}

/** The variables a style sheet defines in its light rules and in its dark media block, and the ones it uses. */
function variables(css: string) {
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\}\s*)\}/.exec(css)?.[1] ?? ''
  const light = css.replace(dark, '')
  const defined = (text: string) => new Set([...text.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]!))
  return { light: defined(light), dark: defined(dark), used: new Set([...css.matchAll(/var\((--[a-z0-9-]+)\)/g)].map((m) => m[1]!)) }
}

test('weapp: darkmode on, theme.json in the bundle with both palettes covering every @name the window settings use', () => {
  const dir = distDir('weapp')
  const app = readJson(path.join(dir, 'app.json'))
  expect([app.darkmode, app.themeLocation]).toEqual([true, 'theme.json'])
  expect(readJson(path.join(dir, 'theme.json'))).toEqual(theme)
  const refs = themeRefs(dir)
  expect(refs).toEqual(expect.arrayContaining(['navBgColor', 'navTxtStyle', 'bgColor', 'bgTxtStyle']))
  for (const ref of refs) expect([ref, typeof theme.light[ref], typeof theme.dark[ref]]).toEqual([ref, 'string', 'string'])
  expect(theme.dark.bgColor).not.toBe(theme.light.bgColor)
})

test('alipay: no theme file and no @name left; the window takes the light palette', () => {
  const dir = distDir('alipay')
  const app = readJson(path.join(dir, 'app.json'))
  expect(app.darkmode).toBeUndefined()
  expect(app.themeLocation).toBeUndefined()
  expect(fs.existsSync(path.join(dir, 'theme.json'))).toBe(false)
  expect(themeRefs(dir)).toEqual([])
  expect(app.window).toMatchObject({ titleBarColor: theme.light.navBgColor, backgroundColor: theme.light.bgColor })
})

test.each(['weapp', 'alipay'] as const)('%s: every colour variable used is defined for light and for dark', (target) => {
  const dir = distDir(target)
  const sheet = target === 'weapp' ? '.wxss' : '.acss'
  const all = filesOf(dir, sheet).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
  const app = variables(all.join('\n'))
  expect(app.used.size).toBeGreaterThan(10)
  const missing = [...app.used].filter((v) => !app.light.has(v) || !app.dark.has(v))
  expect(missing).toEqual([])
})

test('the app style sheets hold no colour outside the palette (src/app.css)', () => {
  const src = path.join(root, 'src')
  const offenders: string[] = []
  for (const rel of filesOf(src, '.css')) {
    if (rel === 'app.css') continue
    const css = fs.readFileSync(path.join(src, rel), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const m of css.matchAll(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g)) {
      // white text and translucent shades on the brand colour (the group header, avatar initials) read the same in both schemes
      if (/^#fff$|^rgba\((255, 255, 255|0, 0, 0), 0\.\d+\)$/.test(m[0])) continue
      offenders.push(`${rel}: ${m[0]}`)
    }
  }
  expect(offenders).toEqual([])
})
