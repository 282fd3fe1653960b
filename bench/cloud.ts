/**
 * Cloud function benchmark: `npm run bench:cloud` (tsx bench/cloud.ts).
 *
 * Against a real PostgreSQL on loopback (tests/setup/postgres-cluster.ts, or DATABASE_URL if set), with the
 * deploy bundle (dist/cloud/index.js, built first) serving HTTP in its own process:
 *   1. addExpense against its floor (bench/floor.ts): throughput and p99 latency, 50 concurrent clients
 *      (autocannon, BENCH_SECONDS per side, default 8, in two halves after 2 s of warm-up each: floor, function,
 *      function, floor),
 *      (a) all into one group (the worst case: every add serializes on that group's row lock) and
 *      (b) spread over 50 groups (the usual case: groups are independent)
 *   2. getGroup:   the same, on the group just filled
 *   3. pgbench simple-update TPS on the same server (-N -c 50 -j 2 -T 5) as the ceiling; the ratio to (1)
 *   4. getGroup on a group with 10,000 expenses: first (uncached) answer, then warm throughput and p99
 *   5. cold start: a fresh node loading dist/cloud/index.js and answering its first request, beside `node -e ''`
 *      and the stack's floor (bench/cold-floor.ts)
 * Budgets (printed PASS/FAIL; exit code 1 on a FAIL): addExpense / floor >= 0.6 (one group, 50 groups);
 * getGroup(10,000) first answer < 1000 ms and warm p99 < 250 ms; cold start < 1500 ms and <= 2x bare node.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { build } from 'esbuild'
import { APP_FILE } from '../cloud/bundle/code-cache'
import { buildCloud, NODE_BUNDLE, SWAPS, writeEntry } from '../scripts/build-cloud'
import { startCluster, stopCluster, type Cluster } from '../tests/setup/postgres-cluster'
import { median } from './stats'

/** The parts of autocannon's options and result used here (the package ships no types). */
interface LoadOptions {
  url: string
  connections: number
  duration: number
  method: 'POST'
  headers: Record<string, string>
  body?: string
  requests?: { setupRequest: (req: { body?: string }) => { body?: string } }[]
}
interface LoadResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: LoadOptions, cb: (err: Error | null, result: LoadResult) => void) => void

const root = path.resolve(__dirname, '..')
const bundle = path.join(root, 'dist/cloud/index.js')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 50
const results: { name: string; value: string; budget?: string; pass?: boolean }[] = []

function record(name: string, value: string, budget?: { text: string; pass: boolean }) {
  results.push({ name, value, budget: budget?.text, pass: budget?.pass })
  console.log(`  ${name}: ${value}${budget ? `  (budget ${budget.text}: ${budget.pass ? 'PASS' : 'FAIL'})` : ''}`)
}

const SERVE_BUNDLE = `
  const m = require(${JSON.stringify(bundle)});
  m.createApp({ env: process.env }).then((app) => app.listen(0)).then(({ url }) => console.log('URL ' + url));
  process.on('SIGTERM', () => process.exit(0));
`
/** BENCH_CPU_PROF=dir: the servers write V8 CPU profiles there (open them in Chrome DevTools). */
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []

/** A server (the bundle, or the floor) serving HTTP in its own process, so the load generator does not share its event loop. */
function startServer(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const m = /URL (\S+)/.exec(out)
      if (m) resolve({ url: m[1], child })
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few fields of several actions
async function call(url: string, action: string, input: unknown, token?: string, retried = false): Promise<any> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input })
  }).catch((err: Error & { cause?: { code?: string } }) => {
    // a kept-alive socket the server closed while the load ran: once more on a new one
    if (!retried && (err.cause?.code === 'ECONNRESET' || err.cause?.code === 'UND_ERR_SOCKET')) return null
    throw err
  })
  if (!res) return call(url, action, input, token, true)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = (await res.json()) as { ok: boolean; data?: any; error?: unknown }
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`)
  return body.data
}

function load(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

function summarize(name: string, r: LoadResult) {
  const bad = r.non2xx + r.errors + r.timeouts
  record(`${name} throughput`, `${r.requests.average.toFixed(0)} req/s (${r.requests.total} requests, ${bad} not 2xx/errors)`)
  record(`${name} latency`, `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`)
  if (bad > 0) throw new Error(`${name}: ${bad} requests failed`)
  return r
}

async function pgbench(cluster: Cluster): Promise<number | null> {
  const bin = cluster.binDir ? path.join(cluster.binDir, 'pgbench') : 'pgbench'
  const u = new URL(cluster.url)
  const c = new Client({ connectionString: cluster.url })
  await c.connect()
  await c.query('DROP DATABASE IF EXISTS pgbench_ceiling')
  await c.query('CREATE DATABASE pgbench_ceiling')
  await c.end()
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')]
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }
  try {
    execFileSync(bin, ['-i', '-q', ...args, 'pgbench_ceiling'], { env, stdio: 'pipe' })
    const out = execFileSync(bin, ['-N', '-c', '50', '-j', '2', '-T', '5', ...args, 'pgbench_ceiling'], { env, stdio: 'pipe' }).toString()
    const m = /tps = ([\d.]+)/.exec(out)
    return m ? Number(m[1]) : null
  } catch (err) {
    console.log(`  pgbench failed: ${(err as Error).message.split('\n')[0]}`)
    return null
  }
}

async function seedLargeGroup(cluster: Cluster, schema: string, groupId: string, members: string[], creator: string, n: number) {
  const c = new Client({ connectionString: cluster.url, options: `-c search_path=${schema}` })
  await c.connect()
  await c.query('BEGIN')
  await c.query(
    `INSERT INTO expenses (id, group_id, data, amount, description, category, date, created_by, created_at, updated_at)
     SELECT 'big_' || i, $1,
            jsonb_build_object('id', 'big_' || i, 'amount', 100 + i % 9000,
              'paidBy', jsonb_build_object(($2::text[])[1 + i % 8], 100 + i % 9000),
              'split', jsonb_build_object('mode', 'equal', 'members', to_jsonb($2::text[]))),
            100 + i % 9000, 'Expense ' || i, 'food', to_char(date '2026-01-01' + (i % 300), 'YYYY-MM-DD'), $3, now(), now()
       FROM generate_series(1, $4::int) AS i`,
    [groupId, members, creator, n]
  )
  // The seed is one change: bump the version and record it so the ledger's invariants hold.
  const v = await c.query('UPDATE groups SET version = version + 1 WHERE id = $1 RETURNING version', [groupId])
  await c.query("INSERT INTO activity (group_id, version, kind, actor_member, actor_name, data, at) VALUES ($1, $2, 'expense.add', $3, 'bench', '{}'::jsonb, now())", [
    groupId,
    v.rows[0].version,
    creator
  ])
  await c.query('COMMIT')
  await c.end()
}

function wall(cmd: string, args: string[], env: Record<string, string>): number {
  const t0 = process.hrtime.bigint()
  execFileSync(cmd, args, { env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv, stdio: 'pipe' })
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** CPU time (ms, user + system) used so far by the processes whose command name is `comm`, or by `pid`. */
function cpuMs(which: { comm?: string; pid?: number }): number {
  let ticks = 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || (which.pid !== undefined && Number(entry) !== which.pid)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      if (which.comm !== undefined && comm !== which.comm) continue
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15 of stat)
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / 100 // USER_HZ
}

/** Runs `work` and says how much CPU PostgreSQL and the server spent per request on it (Linux /proc). */
async function withCpu(server: ChildProcess, work: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = { pg: cpuMs({ comm: 'postgres' }), server: cpuMs({ pid: server.pid }) }
  const r = await work()
  if (!fs.existsSync('/proc/self/stat')) return r
  const n = Math.max(1, r.requests.total)
  const pg = (cpuMs({ comm: 'postgres' }) - before.pg) / n
  const sv = (cpuMs({ pid: server.pid }) - before.server) / n
  console.log(`  CPU per request: PostgreSQL ${pg.toFixed(2)} ms, server ${sv.toFixed(2)} ms`)
  return r
}


async function main() {
  console.log(`bench:cloud on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), node ${process.version}`)
  await buildCloud({ quiet: true })
  const cluster = await startCluster()
  const servers: ChildProcess[] = []
  try {
    const schema = `bench_${randomBytes(4).toString('hex')}`
    const env = { SPLITPAY_MODE: 'dev', DATABASE_URL: cluster.url, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: process.env.BENCH_POOL ?? '20', SESSION_SECRET: randomBytes(32).toString('hex') }
    if (process.env.BENCH_ONLY === 'cold') return await coldStart(env)
    const { url, child } = await startServer([...PROFILE, '-e', SERVE_BUNDLE], env)
    servers.push(child)
    const floor = await startServer([...PROFILE, '--import', 'tsx', path.join(__dirname, 'floor.ts')], env)
    servers.push(floor.child)

    const s = await call(url, 'signIn', { provider: 'dev', name: 'Bench' })
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }
    type BenchGroup = { id: string; members: string[] }
    const newGroup = async (name: string, others: string[]): Promise<BenchGroup> => {
      const made = await call(url, 'createGroup', { clientId: `bg_${randomBytes(6).toString('hex')}`, name, placeholders: others }, s.token)
      return { id: made.group.id, members: made.group.members.map((m: { id: string }) => m.id) }
    }
    // The function and the floor each get their own groups (the floor writes no activity and keeps no cache).
    const sets = { function: { one: null as unknown as BenchGroup, many: [] as BenchGroup[] }, floor: { one: null as unknown as BenchGroup, many: [] as BenchGroup[] } }
    for (const set of Object.values(sets)) {
      set.one = await newGroup('Bench', ['B', 'C', 'D', 'E', 'F', 'G', 'H'])
      for (let i = 0; i < 50; i++) set.many.push(await newGroup(`Bench ${i}`, ['B', 'C', 'D']))
    }
    const g = sets.function.one
    let n = 0
    const run = randomBytes(3).toString('hex')
    const addRequest = (pick: (n: number) => BenchGroup) => ({
      setupRequest: (req: { body?: string }) => {
        n++
        const amount = 100 + (n % 5000)
        const grp = pick(n)
        req.body = JSON.stringify({
          action: 'addExpense',
          input: {
            groupId: grp.id,
            clientId: `b${run}_${n}_x`,
            expense: { id: `e${run}_${n}`, amount, paidBy: { [grp.members[n % grp.members.length]]: amount }, split: { mode: 'equal', members: grp.members } },
            description: `Bench ${n}`
          }
        })
        return req
      }
    })
    const addLoad = (base: string, pick: (n: number) => BenchGroup) =>
      load({ url: `${base}/api`, connections: CONNECTIONS, duration: SECONDS / 2, method: 'POST', headers: auth, requests: [addRequest(pick)] })

    // Floor, function, function, floor, half the time each: a machine that gets busier or quieter during the
    // measure (this one is shared) weighs on both sides alike; the ratio is of the requests each side served in all.
    const adds: Record<string, number> = {}
    for (const [key, label] of [['one', 'ONE group'], ['many', '50 groups']] as const) {
      const pick = (set: (typeof sets)['floor']) => (k: number) => (key === 'one' ? set.one : set.many[k % set.many.length])
      // not counted: each side warms up on this load first (its code compiled hot, its pool and caches filled)
      for (const [base, set] of [[floor.url, sets.floor], [url, sets.function]] as const) {
        await load({ url: `${base}/api`, connections: CONNECTIONS, duration: 2, method: 'POST', headers: auth, requests: [addRequest(pick(set))] })
      }
      console.log(`\n1${key === 'one' ? 'a' : 'b'}. addExpense into ${label}, ${CONNECTIONS} concurrent clients, ${SECONDS} s each after 2 s of warm-up each: the floor, the function, the function, the floor, ${SECONDS / 2} s at a time`)
      const served = { floor: 0, function: 0 }
      for (const side of ['floor', 'function', 'function', 'floor'] as const) {
        const r = side === 'floor'
          ? summarize(`floor (${label})`, await withCpu(floor.child, () => addLoad(floor.url, pick(sets.floor))))
          : summarize(`addExpense (${label})`, await withCpu(child, () => addLoad(url, pick(sets.function))))
        served[side] += r.requests.total
      }
      adds[key] = served.function / SECONDS
      const ratio = served.function / served.floor
      record(`addExpense / floor (${label})`, `${ratio.toFixed(2)} (${served.function} / ${served.floor} requests)`, { text: '>= 0.6', pass: ratio >= 0.6 })
    }

    if (process.env.BENCH_ONLY === 'write') return

    console.log(`\n2. getGroup, ${CONNECTIONS} concurrent clients, ${SECONDS} s`)
    const body = JSON.stringify({ action: 'getGroup', input: { groupId: g.id } })
    summarize('getGroup', await load({ url: `${url}/api`, connections: CONNECTIONS, duration: SECONDS, method: 'POST', headers: auth, body }))
    const filled = await call(url, 'getGroup', { groupId: g.id }, s.token)
    record('group after the run', `${filled.group.expenseCount} expenses, balances sum ${Object.values(filled.group.balances as Record<string, number>).reduce((a, b) => a + b, 0)}`)

    console.log('\n3. pgbench simple-update on the same server (the ceiling)')
    const tps = await pgbench(cluster)
    if (tps !== null) {
      record('pgbench -N -c 50 -j 2 -T 5', `${tps.toFixed(0)} tps`)
      record('addExpense (one group) / pgbench ratio', (adds.one / tps).toFixed(2))
      record('addExpense (50 groups) / pgbench ratio', (adds.many / tps).toFixed(2))
    }

    console.log('\n4. getGroup on a group with 10,000 expenses')
    const big = await call(url, 'createGroup', { clientId: `big_${randomBytes(6).toString('hex')}`, name: 'Big', placeholders: ['B', 'C', 'D', 'E', 'F', 'G', 'H'] }, s.token)
    const bigMembers: string[] = big.group.members.map((m: { id: string }) => m.id)
    await seedLargeGroup(cluster, schema, big.group.id, bigMembers, big.group.me, 10_000)
    const t0 = performance.now()
    const first = await call(url, 'getGroup', { groupId: big.group.id }, s.token)
    const firstMs = performance.now() - t0
    if (first.group.expenseCount !== 10_000) throw new Error(`expected 10,000 expenses, got ${first.group.expenseCount}`)
    record('getGroup(10,000) first answer (uncached: load + computeBalances)', `${firstMs.toFixed(0)} ms`, { text: '< 1000 ms', pass: firstMs < 1000 })
    const bigBody = JSON.stringify({ action: 'getGroup', input: { groupId: big.group.id } })
    const warm = summarize('getGroup(10,000) warm', await load({ url: `${url}/api`, connections: CONNECTIONS, duration: Math.min(SECONDS, 5), method: 'POST', headers: auth, body: bigBody }))
    record('getGroup(10,000) warm p99', `${warm.latency.p99} ms`, { text: '< 250 ms', pass: warm.latency.p99 < 250 })
    // An add moves the cached state forward by that expense alone: the next getGroup does not reload 10,000 rows.
    const afterAdd: number[] = []
    for (let i = 0; i < 20; i++) {
      const amount = 500 + i
      await call(url, 'addExpense', { groupId: big.group.id, clientId: `big_add_${run}_${i}`, expense: { id: `big_add_${run}_${i}`, amount, paidBy: { [bigMembers[i % 8]]: amount }, split: { mode: 'equal', members: bigMembers } }, description: 'After' }, s.token)
      const t = performance.now()
      const view = await call(url, 'getGroup', { groupId: big.group.id }, s.token)
      afterAdd.push(performance.now() - t)
      if (view.group.expenseCount !== 10_001 + i) throw new Error(`expected ${10_001 + i} expenses, got ${view.group.expenseCount}`)
    }
    record('getGroup(10,000) right after an addExpense (median of 20)', `${median(afterAdd).toFixed(1)} ms`)

    await coldStart(env)
  } finally {
    for (const s of servers) s.kill('SIGTERM')
    stopCluster(cluster)
  }
  const failed = results.filter((r) => r.pass === false)
  console.log(failed.length ? `\n${failed.length} budget(s) FAILED` : '\nall budgets PASS')
  process.exit(failed.length ? 1 : 0)
}

/**
 * A fresh node loading the bundle, creating the app and answering its first request (a sign-in), against a bare
 * `node -e ''` (the budget's floor) and against the stack's own floor (bench/cold-floor.ts: zod and pg bundled and
 * loaded the same way, one schema, a new connection and one query), alternating, 7 of each after one uncounted run;
 * and the peak RSS after that answer.
 */
async function coldStart(env: Record<string, string>) {
  console.log('\n5. cold start (fresh node: load dist/cloud/index.js, create the app, answer the first request)')
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-cold-floor-'))
  try {
    await build({ entryPoints: [path.join(__dirname, 'cold-floor.ts')], outfile: path.join(floorDir, APP_FILE), ...NODE_BUNDLE, external: ['pg-native'], plugins: [SWAPS], logLevel: 'warning' })
    await writeEntry(floorDir)
    const firstRequest = (entry: string) => `
      const m = require(${JSON.stringify(entry)});
      m.handler({ httpMethod: 'POST', path: '/api', body: JSON.stringify({ action: 'signIn', input: { provider: 'dev', name: 'Cold' } }) })
        .then((r) => {
          if (r.statusCode !== 200) { console.error(r.body); process.exit(1) }
          process.stdout.write(String(process.resourceUsage().maxRSS));
          process.exit(0)
        });
    `
    const run = (entry: string) => {
      const t0 = process.hrtime.bigint()
      const out = execFileSync(process.execPath, ['-e', firstRequest(entry)], { env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'inherit'] })
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rssKb: Number(out.toString()) }
    }
    run(bundle)
    run(path.join(floorDir, 'index.js'))
    const cold: number[] = []
    const stack: number[] = []
    const bare: number[] = []
    let rssKb = 0
    for (let i = 0; i < 7; i++) {
      bare.push(wall(process.execPath, ['-e', ''], {}))
      stack.push(run(path.join(floorDir, 'index.js')).ms)
      const r = run(bundle)
      cold.push(r.ms)
      rssKb = Math.max(rssKb, r.rssKb)
    }
    const c = median(cold)
    const b = median(bare)
    const f = median(stack)
    record("node -e '' (median of 7)", `${b.toFixed(0)} ms`)
    record('the stack\'s floor: zod + pg, one schema, one connection, one query (median of 7)', `${f.toFixed(0)} ms, ${(f / b).toFixed(2)}x bare node`)
    record('cold start to first answer (median of 7)', `${c.toFixed(0)} ms`, { text: '< 1500 ms', pass: c < 1500 })
    record('cold start / the stack\'s floor', `${(c / f).toFixed(2)}x`)
    record('cold start / bare node', `${(c / b).toFixed(2)}x`, { text: '<= 2x', pass: c / b <= 2 })
    record('peak RSS after the first answer', `${(rssKb / 1024).toFixed(1)} MB`)
  } finally {
    fs.rmSync(floorDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
