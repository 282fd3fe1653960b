/**
 * Alipay has no compiler that runs offline, so the alipay build is checked against the rules of Alipay's own
 * documentation that a build can break: app.json and page json window keys (only the ones Alipay knows), no
 * WeChat-only app.json key (lazyCodeLoading), every
 * page's files, AXML structure (balanced tags; no WeChat syntax such as wx: directives, bind* events, wxs or
 * .wxml imports), `<import>` and `<import-sjs>` targets, and usingComponents paths. Answers the problems found.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ALIPAY_WINDOW_KEYS, WECHAT_ONLY_APP_KEYS } from '../../../config/alipay-window'
import { filesOf } from './wechat-compilers'

const WINDOW = new Set<string>(ALIPAY_WINDOW_KEYS)
const PAGE_ONLY = new Set(['usingComponents', 'component', 'styleIsolation', 'options'])

interface AppJson {
  pages?: string[]
  window?: Record<string, unknown>
  subPackages?: Array<{ root: string; pages: string[] }>
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T

/** Every page route of app.json (main package and subpackages). */
export function routesOf(app: AppJson): string[] {
  return [...(app.pages ?? []), ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

/** The problems of an AXML file's structure and syntax (balanced tags, no WeChat syntax). */
export function axmlProblems(file: string, source: string): string[] {
  const problems: string[] = []
  const text = source.replace(/<!--[\s\S]*?-->/g, '')
  const stack: string[] = []
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g)) {
    const [, closing, tag, attrs, selfClosing] = m
    if (/\swx:[\w-]+=/.test(attrs!)) problems.push(`${file}: <${tag}> uses a WeChat directive (wx:)`)
    if (/\s(?:bind|catch:)[\w-]*=/.test(attrs!)) problems.push(`${file}: <${tag}> binds an event the WeChat way (bind*)`)
    if (tag === 'wxs') problems.push(`${file}: <wxs> is WeChat's; Alipay uses <import-sjs>`)
    if (closing) {
      if (stack.pop() !== tag) problems.push(`${file}: </${tag}> does not close the open tag`)
    } else if (!selfClosing) stack.push(tag!)
  }
  if (stack.length > 0) problems.push(`${file}: <${stack[stack.length - 1]}> is never closed`)
  return problems
}

export function alipayProblems(root: string): string[] {
  const problems: string[] = []
  const app = readJson<AppJson>(path.join(root, 'app.json'))
  for (const key of Object.keys(app.window ?? {})) if (!WINDOW.has(key)) problems.push(`app.json: window key ${key} is not one Alipay knows`)
  for (const key of WECHAT_ONLY_APP_KEYS) if (key in app) problems.push(`app.json: ${key} is WeChat's, not Alipay's`)

  for (const route of routesOf(app)) {
    for (const ext of ['.axml', '.js', '.json']) if (!fs.existsSync(path.join(root, route + ext))) problems.push(`${route}: no ${ext} file`)
    const jsonFile = path.join(root, `${route}.json`)
    if (!fs.existsSync(jsonFile)) continue
    for (const key of Object.keys(readJson<Record<string, unknown>>(jsonFile))) {
      if (!WINDOW.has(key) && !PAGE_ONLY.has(key)) problems.push(`${route}.json: key ${key} is not one Alipay knows`)
    }
  }

  for (const file of filesOf(root, '.json')) {
    const components = (readJson<{ usingComponents?: Record<string, string> }>(path.join(root, file)).usingComponents ?? {}) as Record<string, string>
    for (const [name, target] of Object.entries(components)) {
      const resolved = target.startsWith('/') ? path.join(root, target) : path.join(root, path.dirname(file), target)
      if (!fs.existsSync(`${resolved}.axml`) && !target.startsWith('plugin://')) problems.push(`${file}: component ${name} -> ${target} has no .axml`)
    }
  }

  for (const file of filesOf(root, '.axml')) {
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    problems.push(...axmlProblems(file, source))
    const dir = path.dirname(path.join(root, file))
    for (const m of source.matchAll(/<import\s+src="([^"]+)"/g)) {
      if (!m[1]!.endsWith('.axml')) problems.push(`${file}: imports ${m[1]}, not an .axml file`)
      else if (!fs.existsSync(path.join(dir, m[1]!))) problems.push(`${file}: imports ${m[1]}, which does not exist`)
    }
    for (const m of source.matchAll(/<import-sjs\b([^>]*)>/g)) {
      const from = /\bfrom="([^"]+)"/.exec(m[1]!)?.[1]
      if (!/\bname="[^"]+"/.test(m[1]!)) problems.push(`${file}: <import-sjs> without a name`)
      if (!from || !from.endsWith('.sjs')) problems.push(`${file}: <import-sjs> from ${from ?? '(none)'} is not an .sjs file`)
      else if (!fs.existsSync(path.join(dir, from))) problems.push(`${file}: <import-sjs> from ${from}, which does not exist`)
    }
  }
  return problems
}
