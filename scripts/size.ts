/**
 * Bundle size check: builds both mini-program targets and prints the size of each main package in bytes
 * (JS + templates + styles + json; license files and subpackages excluded). Fails over budget.
 *   npm run size             build, then measure
 *   SIZE_SKIP_BUILD=1 npm run size   measure the existing dist/
 * Budgets: 500 KB per target for the main package (the platforms' hard limit is 2 MB); 200 KB for the statistics
 * subpackage (pages/stats), each printed.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { filesOf } from './lib/files'

const BUDGET = 500 * 1024
/** Subpackages with a budget of their own. */
const SUB_BUDGETS: Record<string, number> = { 'pages/stats': 200 * 1024 }
const HARD_LIMIT = 2 * 1024 * 1024
const root = path.resolve(__dirname, '..')
const counted = /\.(js|wxml|axml|wxss|acss|wxs|sjs|json)$/

function subpackageRoots(dist: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  return (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
}

/** The files of a build that count toward its packages (code, templates, styles, json; no license files), relative with `/`, each with whether it is in the main package. */
export function packageFiles(dist: string): { file: string; main: boolean }[] {
  const subs = subpackageRoots(dist)
  return filesOf(dist)
    .filter((file) => !/LICENSE/i.test(file) && counted.test(file))
    .map((file) => ({ file, main: !subs.some((s) => file === s || file.startsWith(`${s}/`)) }))
}

export function measure(target: 'weapp' | 'alipay', distRoot = path.join(root, 'dist')) {
  const dist = path.join(distRoot, target)
  let main = 0
  let sub = 0
  const subs: Record<string, number> = Object.fromEntries(Object.keys(SUB_BUDGETS).map((s) => [s, 0]))
  for (const { file, main: inMain } of packageFiles(dist)) {
    const bytes = fs.statSync(path.join(dist, file)).size
    if (inMain) main += bytes
    else sub += bytes
    const own = Object.keys(subs).find((s) => file.startsWith(`${s}/`))
    if (own) subs[own] += bytes
  }
  return { main, sub, subs }
}

function main() {
  let failed = false
  for (const target of ['weapp', 'alipay'] as const) {
    if (!process.env.SIZE_SKIP_BUILD) execSync(`npx taro build --type ${target}`, { cwd: root, stdio: 'ignore' })
    const { main: bytes, sub, subs } = measure(target)
    const ok = bytes <= BUDGET
    failed ||= !ok
    console.log(
      `${target.padEnd(6)} main package ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) of budget ${BUDGET} bytes` +
        ` (${((bytes / BUDGET) * 100).toFixed(0)}%; platform limit ${HARD_LIMIT}); subpackages ${sub} bytes  ${ok ? 'PASS' : 'FAIL'}`
    )
    for (const [root, size] of Object.entries(subs)) {
      const budget = SUB_BUDGETS[root]
      const fits = size > 0 && size <= budget
      failed ||= !fits
      console.log(`${target.padEnd(6)} subpackage ${root} ${size} bytes (${(size / 1024).toFixed(1)} KB) of budget ${budget} bytes (${((size / budget) * 100).toFixed(0)}%)  ${fits ? 'PASS' : 'FAIL'}`)
    }
  }
  if (failed) process.exit(1)
}

if (require.main === module) main()
