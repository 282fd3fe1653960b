/**
 * What each dependency costs in a target's main package, in bytes (a section of npm run bench:launch).
 *
 * How: bench/app-sourcemap builds the project (config/index.ts, src/) with full source maps into
 * dist/bench-sourcemap/<target>. Its JS is byte for byte what `npx taro build --type <target>` writes (same webpack
 * context, so the same module ids; terser's output plus a trailing sourceMappingURL comment, left out here), and each
 * map names the file every output byte came from (read with source-map-js). Each mapped range of a line is counted
 * for the package whose node_modules/<package>/ holds its source file (app code for src/, webpack's runtime for
 * webpack/*); bytes no mapping covers are webpack's module wrappers (`123:function(t,e,n){...}`). Templates, styles
 * and json are counted apart. The files are the main package's as scripts/size.ts counts it (`packageFiles`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'
import { packageFiles } from '../scripts/size'

export const APP_CODE = 'app code (src/)'
export const WEBPACK_RUNTIME = 'webpack runtime'
export const UNMAPPED = 'module wrappers (unmapped)'
export const TEMPLATES = 'templates (wxml/axml, wxs/sjs)'
export const STYLES = 'styles (wxss/acss)'
export const JSON_FILES = 'json (app, pages, components)'

const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\n?$/

export interface Attribution {
  /** Bytes per dependency (package name, or APP_CODE, WEBPACK_RUNTIME, UNMAPPED), and of the files that are not JS. */
  bytes: Map<string, number>
  total: number
  /** Main-package JS files whose bytes differ from the same file in `compareWith` (when given). */
  differing: string[]
}

/** The dependency a source file of the map belongs to. */
export function dependencyOf(source: string, root: string): string {
  const modules = source.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/')
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  if (source.startsWith('webpack/')) return WEBPACK_RUNTIME
  if (source.startsWith(path.join(root, 'src') + path.sep) || /^webpack:\/\/[^/]+\/(\.\/)?src\//.test(source)) return APP_CODE
  return source
}

/** Adds the bytes of one generated file to `bytes`, per dependency, by its source map. */
function attributeFile(code: string, map: RawSourceMap, root: string, bytes: Map<string, number>): void {
  const add = (owner: string, text: string) => bytes.set(owner, (bytes.get(owner) ?? 0) + Buffer.byteLength(text))
  // where each line's segments start (0-based columns) and whose source they come from
  const segments = new Map<number, { column: number; owner: string }[]>()
  new SourceMapConsumer(map).eachMapping((m) => {
    const line = segments.get(m.generatedLine) ?? []
    line.push({ column: m.generatedColumn, owner: m.source === null ? UNMAPPED : dependencyOf(m.source, root) })
    segments.set(m.generatedLine, line)
  })
  const lines = code.split('\n')
  lines.forEach((line, i) => {
    // the separator ending each line but the last is webpack's, not a module's
    if (i < lines.length - 1) add(UNMAPPED, '\n')
    let from = 0
    let owner = UNMAPPED
    for (const segment of segments.get(i + 1) ?? []) {
      add(owner, line.slice(from, segment.column))
      from = segment.column
      owner = segment.owner
    }
    add(owner, line.slice(from))
  })
}

/**
 * The main package of the build in `dist` (built with source maps), per dependency. With `compareWith` (e.g.
 * dist/weapp), lists the main-package JS files that differ there (that build is not of the same source).
 */
export function attribute(dist: string, root: string, compareWith?: string): Attribution {
  const bytes = new Map<string, number>()
  const differing: string[] = []
  let total = 0
  for (const { file } of packageFiles(dist).filter((f) => f.main)) {
    if (!file.endsWith('.js')) {
      const size = fs.statSync(path.join(dist, file)).size
      const kind = file.endsWith('.json') ? JSON_FILES : /\.(wxss|acss)$/.test(file) ? STYLES : TEMPLATES
      bytes.set(kind, (bytes.get(kind) ?? 0) + size)
      total += size
      continue
    }
    const code = fs.readFileSync(path.join(dist, file), 'utf8').replace(MAP_COMMENT, '')
    const mapFile = path.join(dist, `${file}.map`)
    if (fs.existsSync(mapFile)) attributeFile(code, JSON.parse(fs.readFileSync(mapFile, 'utf8')) as RawSourceMap, root, bytes)
    else bytes.set(UNMAPPED, (bytes.get(UNMAPPED) ?? 0) + Buffer.byteLength(code))
    total += Buffer.byteLength(code)
    if (compareWith) {
      const other = path.join(compareWith, file)
      if (!fs.existsSync(other) || fs.readFileSync(other, 'utf8') !== code) differing.push(file)
    }
  }
  return { bytes, total, differing }
}

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`)

/** Prints one column per target, dependencies by their largest cost first. */
export function printDependencyTable(results: { target: string; attribution: Attribution }[]): void {
  const names = [...new Set(results.flatMap((r) => [...r.attribution.bytes.keys()]))]
  const largest = (name: string) => Math.max(...results.map((r) => r.attribution.bytes.get(name) ?? 0))
  // the groups that are not packages go last, in a fixed order
  const fixed = [APP_CODE, UNMAPPED, WEBPACK_RUNTIME, TEMPLATES, STYLES, JSON_FILES]
  const packages = names.filter((n) => !fixed.includes(n)).sort((a, b) => largest(b) - largest(a))
  const rows = [...packages, ...fixed.filter((n) => names.includes(n))]
  const width = Math.max(28, ...rows.map((r) => r.length + 2))
  console.log(`${'dependency'.padEnd(width)}${results.map((r) => `${r.target.padStart(10)}   share`).join('   ')}`)
  for (const name of rows) {
    const cells = results.map((r) => {
      const b = r.attribution.bytes.get(name) ?? 0
      if (b === 0) return `${'-'.padStart(10)}  ${''.padStart(6)}`
      return `${kb(b).padStart(10)}  ${`${((b / r.attribution.total) * 100).toFixed(1)}%`.padStart(6)}`
    })
    console.log(`${name.padEnd(width)}${cells.join('   ')}`)
  }
  console.log(`${'main package'.padEnd(width)}${results.map((r) => `${kb(r.attribution.total).padStart(10)}  ${'100%'.padStart(6)}`).join('   ')}`)
}
