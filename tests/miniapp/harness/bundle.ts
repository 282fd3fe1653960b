/**
 * A compiled mini-program target read from disk into memory in one go, so a build that starts while a test runs
 * cannot mix two versions of the bundle. Paths are relative to the target's root, with forward slashes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseTemplates, type TemplateMap } from './templates'

export type Target = 'weapp' | 'alipay'

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list?: { pagePath: string }[]; items?: { pagePath: string }[] }
  window?: Record<string, unknown>
}

export interface Bundle {
  target: Target
  dir: string
  files: Map<string, string>
  app: AppJson
  templates: TemplateMap
  /** All page routes, main package first, then sub-packages. */
  routes: string[]
  tabRoutes: string[]
  read(file: string): string
  json<T = Record<string, unknown>>(file: string): T
  has(file: string): boolean
}

export const repoRoot = path.resolve(__dirname, '..', '..', '..')

/** Where a target's bundle is read from: the snapshot the miniapp global setup made (MINIAPP_DIST), else dist/. */
export function distDir(target: Target): string {
  return path.join(process.env.MINIAPP_DIST ?? path.join(repoRoot, 'dist'), target)
}

function walk(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, base, out)
    else if (/\.(js|json|wxml|axml|wxs|sjs)$/.test(entry.name)) {
      out.set(path.relative(base, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'))
    }
  }
  return out
}

export function readBundle(target: Target, dir = distDir(target)): Bundle {
  if (!fs.existsSync(path.join(dir, 'app.js'))) {
    throw new Error(`No compiled ${target} bundle at ${dir}: run \`npx taro build --type ${target}\` first`)
  }
  const files = walk(dir)
  const read = (file: string): string => {
    const text = files.get(file)
    if (text === undefined) throw new Error(`${target} bundle has no file ${file}`)
    return text
  }
  const json = <T>(file: string): T => JSON.parse(read(file)) as T
  const app = json<AppJson>('app.json')
  const subs = app.subPackages ?? app.subpackages ?? []
  const routes = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
  const tabs = app.tabBar?.list ?? app.tabBar?.items ?? []
  const templates = parseTemplates(read(target === 'weapp' ? 'base.wxml' : 'base.axml'))
  return {
    target,
    dir,
    files,
    app,
    templates,
    routes,
    tabRoutes: tabs.map((t) => t.pagePath.replace(/^\//, '')),
    read,
    json,
    has: (file) => files.has(file)
  }
}
