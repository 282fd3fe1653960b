/**
 * Launch benchmark: `npm run bench:launch` (tsx bench/launch.ts).
 *
 * 1. Builds the fixtures, in this run: bench/hello-world (a Taro 4.2.0 React app whose one page renders a View with
 *    "Hello world": the framework's floor, built with the project's own toolchain) into dist/bench-hello/<target>,
 *    and the project with source maps (bench/app-sourcemap) into dist/bench-sourcemap/<target> for (4).
 * 2. In the mini-program harness, in this one process, launches each bundle again and again, alternating (one
 *    discarded launch each first, then BENCH_LAUNCH_RUNS each), and times each launch from just before app.js is
 *    evaluated (MiniApp.start) to the first setData of the first page: the very first setData that page sends, the
 *    one its first paint waits on (SetDataRecord.at, when the bundle called setData). Also the size of that setData.
 *    The app (dist/weapp and dist/alipay as they are: build them first) opens at its home page (pages/index/index)
 *    in two ways: on a new phone (empty storage: it signs in through the platform login, as the miniapp tests do),
 *    and reopened (the storage a signed-in launch left: the session and the cached list of BENCH_LAUNCH_GROUPS groups).
 *    Budgets, per target and way: launch at most 1.5x the hello world's (the median, over the rounds, of the
 *    launch / the hello world launch of the same round; each round starts from another scenario), first setData
 *    under 16 KB.
 * 3. Where the launch time goes (compiling the bundle files, running app.js and the modules it requires, App
 *    onLaunch/onShow, the page's files, page onLoad to the first setData: MiniApp.evaluations and the setData's time)
 *    and what the app's first setData holds (bytes by kind of field, the largest subtrees by class name).
 * 4. What each dependency costs in each target's main package (bench/deps.ts); `npm run size` keeps the 500 KB budget.
 * Prints PASS/FAIL per budget; exits 1 on a FAIL.
 *   BENCH_LAUNCH_RUNS=21  BENCH_LAUNCH_GROUPS=20  BENCH_LAUNCH_TARGETS=weapp,alipay
 *   BENCH_LAUNCH_RTT_MS=60  the network's round trip (see RTT_MS)
 *   BENCH_LAUNCH_SKIP_BUILD=1  reuse dist/bench-hello and dist/bench-sourcemap as they are
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { MiniApp, readBundle, type Bundle, type Target } from '../tests/miniapp/harness'
import { startFunction, type LocalFunction } from '../tests/miniapp/harness/function'
import { seedGroup } from '../tests/miniapp/support/seed'
import { attribute, printDependencyTable, type Attribution } from './deps'
import { median } from './stats'

const root = path.resolve(__dirname, '..')
const RUNS = Number(process.env.BENCH_LAUNCH_RUNS ?? 21)
const GROUPS = Number(process.env.BENCH_LAUNCH_GROUPS ?? 20)
const TARGETS = (process.env.BENCH_LAUNCH_TARGETS ?? 'weapp,alipay').split(',') as Target[]
const SKIP_BUILD = process.env.BENCH_LAUNCH_SKIP_BUILD === '1'
/**
 * The phone's network round trip (a 4G/5G phone to a cloud function in its region): the function runs in this
 * process, so without it the server's work on a request the page sends at mount would run on the app's thread
 * before the page's first setData, which on a phone it never does.
 */
const RTT_MS = Number(process.env.BENCH_LAUNCH_RTT_MS ?? 60)
const RATIO_BUDGET = 1.5
const BYTES_BUDGET = 16 * 1024
const HELLO = path.join(root, 'dist', 'bench-hello')
const SOURCEMAP = path.join(root, 'dist', 'bench-sourcemap')

// a full collection before each launch, so that no launch pays for the garbage of the ones before it
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`)
const ms = (n: number) => `${n.toFixed(1)} ms`

function build(fixture: string, target: Target): void {
  const started = Date.now()
  const run = spawnSync('npx', ['taro', 'build', '--type', target], {
    cwd: path.join(root, 'bench', fixture),
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n')
    throw new Error(`bench/${fixture}: npx taro build --type ${target} failed (exit ${run.status ?? run.signal}):\n${output}`)
  }
  console.log(`  built bench/${fixture} for ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** One way of launching: a bundle, and the storage the phone starts with. */
interface Scenario {
  label: string
  bundle: Bundle
  app: boolean
  storage?: Map<string, unknown>
}

/**
 * Phases of one launch, in order; they add up to the launch time. The chunk files (runtime, taro, vendors, common)
 * only register their modules: the modules run when app.js's entry requires them, so their run time is app.js's.
 */
const PHASES = [
  'compile the bundle files (vm.Script)',
  "run app.js: the main package's modules, App()",
  'App onLaunch, onShow',
  "run the page's and its components' files",
  'page onLoad to its first setData'
] as const

interface Launch {
  ms: number
  bytes: number
  phases: number[]
  /** The page's data right after its first setData. */
  data: string
  /** The storage the phone holds after the launch settled. */
  storage: Map<string, unknown>
  errors: unknown[]
}

async function launch(target: Target, scenario: Scenario, fn: LocalFunction, loginCode: () => string): Promise<Launch> {
  gc()
  const storage = scenario.storage ? new Map([...scenario.storage].map(([k, v]) => [k, structuredClone(v)])) : undefined
  const app = new MiniApp({ target, bundle: scenario.bundle, server: fn.origin, loginCode, storage, latencyMs: RTT_MS })
  const route = scenario.bundle.routes[0]
  let data: string | undefined
  app.onSetData((_record, page) => {
    if (data === undefined && page.route === route) data = JSON.stringify(page.instance.data)
  })
  try {
    const t0 = performance.now()
    await app.start()
    const first = app.setDataLog[0]
    if (!first || first.route !== route || data === undefined) throw new Error(`${target} ${scenario.label}: the first setData is not of ${route}`)
    const evaluations = app.evaluations.filter((e) => e.at < first.at)
    const appJs = evaluations.find((e) => e.file === 'app.js')
    if (!appJs) throw new Error(`${target} ${scenario.label}: app.js was not evaluated`)
    const appEnd = appJs.at + appJs.ms
    const pageFiles = evaluations.filter((e) => e.at >= appEnd)
    const pageStart = Math.min(...pageFiles.map((e) => e.at))
    const pageEnd = Math.max(...pageFiles.map((e) => e.at + e.ms))
    const compile = (files: typeof evaluations) => files.reduce((a, e) => a + e.compileMs, 0)
    const appCompile = compile(evaluations.filter((e) => e.at < appEnd))
    const pageCompile = compile(pageFiles)
    return {
      ms: first.at - t0,
      bytes: first.bytes,
      phases: [appCompile + pageCompile, appEnd - t0 - appCompile, pageStart - appEnd, pageEnd - pageStart - pageCompile, first.at - pageEnd],
      data,
      storage: app.storage,
      errors: [...app.errors]
    }
  } finally {
    app.close()
  }
}

interface Figures {
  target: Target
  scenario: Scenario
  first: Launch
  runs: Launch[]
  medianMs: number
  /** The median over rounds of this launch / the hello world's launch in the same round (1 for the hello world). */
  ratio: number
  /** The largest first setData of the runs (they are all alike). */
  bytes: number
}

/** Bytes of the page data by what they carry, and the biggest subtrees by class name. */
function describeData(json: string): { byKey: [string, number][]; nodes: number; total: number; byClass: [string, { count: number; bytes: number }][] } {
  const labels: Record<string, string> = {
    cl: 'cl (class names)',
    st: 'st (inline styles)',
    v: 'v (text)',
    sid: 'sid (node ids)',
    nn: 'nn (template of the node)',
    uid: 'uid (page id)'
  }
  const byKey = new Map<string, number>()
  const byClass = new Map<string, { count: number; bytes: number }>()
  let nodes = 0
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const entries = Object.entries(node as Record<string, unknown>)
    if ('nn' in node) nodes++
    for (const [key, value] of entries) {
      if (key === 'cn' || key === 'root') {
        visit(value)
        continue
      }
      const label = labels[key] ?? (/^p\d+$/.test(key) ? 'p0, p1, ... (component props)' : key)
      // "key":value, (the comma between properties counted with the property)
      byKey.set(label, (byKey.get(label) ?? 0) + Buffer.byteLength(`${JSON.stringify(key)}:${JSON.stringify(value)},`))
    }
    const cl = (node as { cl?: unknown }).cl
    if (typeof cl === 'string') {
      const entry = byClass.get(cl) ?? { count: 0, bytes: 0 }
      entry.count++
      entry.bytes += Buffer.byteLength(JSON.stringify(node))
      byClass.set(cl, entry)
    }
  }
  const data = JSON.parse(json) as unknown
  visit(data)
  const total = Buffer.byteLength(json)
  const counted = [...byKey.values()].reduce((a, b) => a + b, 0)
  byKey.set('structure ({}, [], "cn")', total - counted)
  return {
    byKey: [...byKey].sort((a, b) => b[1] - a[1]),
    nodes,
    total,
    byClass: [...byClass].sort((a, b) => b[1].bytes - a[1].bytes)
  }
}

async function measureTarget(target: Target, fn: LocalFunction): Promise<Figures[]> {
  const provider = target === 'weapp' ? 'wechat' : 'alipay'
  const subject = `bench-launch-${target}`
  for (let i = 0; i < GROUPS; i++) {
    await seedGroup(fn, { provider, subject, name: '小明' }, { name: `周末聚餐 ${i + 1}`, friends: ['小红', '小刚', '小丽'], expenses: 2, concurrency: 1 })
  }
  const loginCode = fn.accounts.phone(provider, subject)
  const hello: Scenario = { label: 'hello world', bundle: readBundle(target, path.join(HELLO, target)), app: false }
  const bundle = readBundle(target)
  const fresh: Scenario = { label: 'app, new phone (signs in)', bundle, app: true }
  const reopened: Scenario = { label: `app, reopened (${GROUPS} groups cached)`, bundle, app: true }
  const scenarios = [hello, fresh, reopened]
  const figures = new Map<Scenario, Figures>()
  // the first launch of each: the new phone's leaves the storage the reopened app starts with
  for (const scenario of scenarios) {
    const first = await launch(target, scenario, fn, loginCode)
    if (scenario === fresh) reopened.storage = first.storage
    figures.set(scenario, { target, scenario, first, runs: [], medianMs: 0, ratio: 1, bytes: 0 })
  }
  // Each round launches every scenario once, starting from a different one each round (no scenario always follows
  // the same one); a launch is compared with the hello world of its own round (the machine's state at that moment).
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < scenarios.length; k++) {
      const scenario = scenarios[(run + k) % scenarios.length]!
      figures.get(scenario)!.runs.push(await launch(target, scenario, fn, loginCode))
    }
  }
  const floor = figures.get(hello)!
  for (const f of figures.values()) {
    f.medianMs = median(f.runs.map((r) => r.ms))
    f.ratio = median(f.runs.map((r, i) => r.ms / floor.runs[i]!.ms))
    f.bytes = Math.max(...f.runs.map((r) => r.bytes))
  }
  return [...figures.values()]
}

async function main() {
  if (!SKIP_BUILD) {
    console.log('building the fixtures')
    for (const target of TARGETS) {
      build('hello-world', target)
      build('app-sourcemap', target)
    }
  }
  for (const target of TARGETS) {
    const built = fs.statSync(path.join(root, 'dist', target, 'app.js')).mtime
    console.log(`dist/${target}: built ${built.toISOString().replace('T', ' ').slice(0, 19)} UTC`)
  }

  const fn = await startFunction()
  const all: Figures[] = []
  try {
    for (const target of TARGETS) all.push(...(await measureTarget(target, fn)))
  } finally {
    await fn.close()
  }

  const results: { name: string; pass: boolean }[] = []
  const check = (name: string, value: string, budget: string, pass: boolean) => {
    results.push({ name, pass })
    console.log(`  ${name}: ${value}  (budget ${budget}: ${pass ? 'PASS' : 'FAIL'})`)
  }

  console.log(`\nlaunch: from app.js to the first setData of the first page; median of ${RUNS} launches of each, alternating`)
  console.log('("first setData": the first setData the page sends, which its first paint waits on; "first launch": the')
  console.log(' first launch of each in this process, not counted: the hello world and the new phone compile their code;')
  console.log(' *vs hello world: the median over the rounds of the launch / the hello world launch of the same round)')
  for (const target of TARGETS) {
    const figures = all.filter((f) => f.target === target)
    console.log(`\n${target.padEnd(40)}    median     fastest  first launch  first setData  vs hello world*`)
    for (const f of figures) {
      const ratio = f.scenario.app ? `${f.ratio.toFixed(2)}x` : ''
      const fastest = Math.min(...f.runs.map((r) => r.ms))
      console.log(`  ${f.scenario.label.padEnd(38)}${ms(f.medianMs).padStart(10)}${ms(fastest).padStart(12)}${ms(f.first.ms).padStart(14)}${kb(f.bytes).padStart(15)}${ratio.padStart(16)}`)
    }
  }

  console.log(`\nbudgets: launch at most ${RATIO_BUDGET}x the hello world's; first setData under ${kb(BYTES_BUDGET)}`)
  for (const target of TARGETS) {
    const figures = all.filter((f) => f.target === target)
    const floor = figures.find((f) => !f.scenario.app)!
    for (const f of figures.filter((x) => x.scenario.app)) {
      check(`${target} ${f.scenario.label}: launch / hello world`, `${f.ratio.toFixed(2)}x (medians ${ms(f.medianMs)} / ${ms(floor.medianMs)})`, `<= ${RATIO_BUDGET}x`, f.ratio <= RATIO_BUDGET)
      check(`${target} ${f.scenario.label}: first setData`, `${kb(f.bytes)} (${f.bytes} bytes)`, `< ${BYTES_BUDGET} bytes`, f.bytes < BYTES_BUDGET)
    }
  }

  console.log('\nwhere the launch time goes (medians, ms; the phases of a launch add up to its time)')
  console.log("(the chunks runtime.js, taro.js, vendors.js, common.js only register their modules, which run when app.js's")
  console.log(" entry requires them; onLoad only asks React to render: React renders on a timer, and Taro sends the setData")
  console.log(' of the DOM React built on the next one)')
  for (const target of TARGETS) {
    const figures = all.filter((f) => f.target === target)
    const short = (f: Figures) => (f.scenario.app ? f.scenario.label.replace(/^app, /, '').replace(/ \(.*/, '') : f.scenario.label)
    console.log(`\n${target.padEnd(50)}${figures.map((f) => short(f).padStart(14)).join('')}`)
    PHASES.forEach((phase, i) => {
      console.log(`  ${phase.padEnd(48)}${figures.map((f) => median(f.runs.map((r) => r.phases[i])).toFixed(1).padStart(14)).join('')}`)
    })
  }

  for (const target of TARGETS) {
    const apps = all.filter((f) => f.target === target && f.scenario.app)
    const largest = apps.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    const d = describeData(largest.runs[0].data)
    console.log(`\nwhat the first setData holds: ${target}, ${largest.scenario.label} (the page's data after it: ${kb(d.total)}, ${d.nodes} nodes)`)
    for (const [key, bytes] of d.byKey) console.log(`  ${key.padEnd(34)}${kb(bytes).padStart(10)}  ${`${((bytes / d.total) * 100).toFixed(0)}%`.padStart(4)}`)
    console.log('  largest subtrees by class (a subtree is counted in those around it too):')
    for (const [cl, { count, bytes }] of d.byClass.slice(0, 8)) {
      console.log(`    ${`"${cl}"`.padEnd(40)}${`x${count}`.padStart(5)}${kb(bytes).padStart(10)}${count > 1 ? `  (${kb(Math.round(bytes / count))} each)` : ''}`)
    }
  }

  const describe = (e: unknown) => {
    if (e instanceof Error) return e.message
    try {
      return JSON.stringify(e)
    } catch {
      return String(e)
    }
  }
  const errors = all.flatMap((f) => [f.first, ...f.runs].flatMap((r) => r.errors.map((e) => `${f.target} ${f.scenario.label}: ${describe(e)}`)))
  if (errors.length) console.log(`\nerrors the bundles reported during the launches (${errors.length}):\n  ${[...new Set(errors)].slice(0, 10).join('\n  ')}`)

  console.log('\nmain package by dependency (the current source built with source maps; bench/deps.ts)')
  const attributions: { target: string; attribution: Attribution }[] = []
  for (const target of TARGETS) {
    const attribution = attribute(path.join(SOURCEMAP, target), root, path.join(root, 'dist', target))
    attributions.push({ target, attribution })
  }
  printDependencyTable(attributions)
  for (const { target, attribution } of attributions) {
    if (attribution.differing.length) {
      console.log(`  note: dist/${target} is not a build of the current source (${attribution.differing.join(', ')} differ): rebuild it for launch figures of this source`)
    }
  }

  const failed = results.filter((r) => !r.pass)
  console.log(failed.length ? `\n${failed.length} budget(s) FAILED` : '\nall budgets PASS')
  if (failed.length) process.exitCode = 1
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
