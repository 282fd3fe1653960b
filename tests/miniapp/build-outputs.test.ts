/**
 * The two mini-program builds have the shape each IDE expects. Reads the weapp and alipay builds made by the
 * miniapp project's global setup (the same `taro build` the README's scripts run), from its snapshot (MINIAPP_DIST).
 */
import fs from 'node:fs'
import path from 'node:path'
import { measure } from '../../scripts/size'

const distRoot = process.env.MINIAPP_DIST ?? path.join(__dirname, '..', '..', 'dist')
const dist = (target: string, ...p: string[]) => path.join(distRoot, target, ...p)
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))

function allPages(appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] }) {
  const subs = appJson.subPackages ?? appJson.subpackages ?? []
  return [...appJson.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))].sort()
}

describe('compiled mini-program outputs', () => {
  const weappApp = readJson(dist('weapp', 'app.json'))
  const alipayApp = readJson(dist('alipay', 'app.json'))

  it('lists the same pages on both targets, starting with the group list', () => {
    expect(allPages(weappApp)).toEqual(allPages(alipayApp))
    expect(weappApp.pages[0]).toBe('pages/index/index')
    expect(alipayApp.pages[0]).toBe('pages/index/index')
  })

  it('gives weapp .wxml templates and its project.config.json', () => {
    const all = files(dist('weapp'))
    expect(all.some((f) => f.endsWith('.wxml'))).toBe(true)
    expect(all.some((f) => f.endsWith('.axml'))).toBe(false)
    const project = readJson(dist('weapp', 'project.config.json'))
    expect(project.miniprogramRoot).toBe('./')
    expect(project.appid).toBe(process.env.TARO_APP_ID ?? 'touristappid')
    for (const page of allPages(weappApp)) expect(fs.existsSync(dist('weapp', `${page}.wxml`))).toBe(true)
  })

  it('gives alipay .axml templates and its own mini.project.json', () => {
    const all = files(dist('alipay'))
    expect(all.some((f) => f.endsWith('.axml'))).toBe(true)
    expect(all.some((f) => f.endsWith('.wxml'))).toBe(false)
    const project = readJson(dist('alipay', 'mini.project.json'))
    expect(project.format).toBe(2)
    expect(project.compileOptions.component2).toBe(true)
    expect(project.compileOptions.transpile).toBeDefined()
    for (const page of allPages(alipayApp)) expect(fs.existsSync(dist('alipay', `${page}.axml`))).toBe(true)
  })

  it('keeps each main package under the 500 KB budget', () => {
    for (const target of ['weapp', 'alipay'] as const) {
      const { main } = measure(target, distRoot)
      expect(main).toBeGreaterThan(50 * 1024)
      expect(main).toBeLessThanOrEqual(500 * 1024)
    }
  })

  it('points the IDE projects at the builds', () => {
    const root = path.join(__dirname, '..', '..')
    expect(readJson(path.join(root, 'project.config.json')).miniprogramRoot).toBe('dist/weapp/')
    const ali = readJson(path.join(root, 'mini.project.json'))
    expect(ali.miniprogramRoot).toBe('dist/alipay')
    expect(ali.format).toBe(2)
  })
})
