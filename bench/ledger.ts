/**
 * Ledger engine benchmark: `npm run bench:ledger` (tsx bench/ledger.ts).
 *
 * Prints each figure with its budget and PASS/FAIL, and exits non-zero if a budget fails:
 *   - computeBalances over 100,000 expenses and 50 members          (budget < 100 ms)
 *   - planSettlement, 24 / 28 / 32 members with a balance, worst of 300 realistic groups each (budget < 100 ms),
 *     how many plans are the minimum, transfers against greedy, and whether paying a suggestion changes the rest
 *   - 400 more round and uniform groups of 29-32 members: how many plans are canonical, worst time
 *   - planSettlement, 500 non-zero members, worst of 20 runs         (budget < 50 ms)
 *   - over 1,000 random trip groups: total transfers of our plan vs a largest-first greedy plan
 * Inputs come from a seeded generator, so every run measures the same work. Each timing is taken
 * after warm-up runs of the same code.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { computeBalances, continuePlan, planSettlement, planSettlementWithKind, type Balances, type Expense, type Transfer } from '../src/domain'
import { bigLedger } from './balances'
import { applyTransfers, greedyPlan } from '../tests/domain/support/reference'
import { groupGenerator, groupKinds } from './groups'
import { seeded } from './seeded'
import { median } from './stats'

const seededDraws = seeded(20261125)
const { rand, int, pick, sample } = seededDraws
const ms = (x: number) => `${x.toFixed(1)} ms`

let failed = false
function report(label: string, value: number, budget: number, note: string): void {
  const ok = value < budget
  if (!ok) failed = true
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}: ${ms(value)} (${note}; budget < ${budget} ms)`)
}
const load = os.loadavg()[0]!
console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${load.toFixed(2)} (timings are wall-clock; a busy machine inflates them)`)

// ---------------------------------------------------------------- computeBalances
// Timed in fresh processes (bench/balances.ts): over 100,000 expenses the call is bound by memory, and on a
// shared machine another tenant's use of the caches, or where the allocator put the objects, moves one run
// by up to half. The best run of the best process is the cost of the code; every process's figure is printed.
const ledger = { ...bigLedger(seededDraws), payments: [], currency: 'CNY' }
const check: Balances = computeBalances(ledger)
const sum = Object.values(check).reduce((a, b) => a + b, 0)
if (sum !== 0) {
  console.log(`FAIL  balances sum to ${sum}, not 0`)
  failed = true
}
const processes = Array.from({ length: 5 }, () => {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./balances.ts', import.meta.url))], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`bench/balances.ts failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { best: number; median: number; cpu: number }
})
const best = processes.reduce((a, b) => (b.best < a.best ? b : a))
report(
  'computeBalances, 100,000 expenses over 50 members',
  best.best,
  100,
  `best of 15 runs in each of 5 fresh processes; the best process's median ${ms(best.median)}, median CPU time ${ms(best.cpu)}; each process's best ${processes.map((p) => ms(p.best)).join(', ')}`
)

// ---------------------------------------------------------------- planSettlement
function randomBalances(n: number, prefix: string): Balances {
  const out: Balances = {}
  let total = 0
  for (let i = 0; i < n - 1; i++) {
    const v = (rand() < 0.3 ? int(-50, 50) * 1000 : int(-5_000_000, 5_000_000)) || 1
    out[`${prefix}${String(i).padStart(3, '0')}`] = v
    total += v
  }
  if (total === 0) {
    out[`${prefix}000`]! += 1
    total += 1
  }
  out[`${prefix}last`] = -total
  return out
}

// Big groups: 300 realistic groups (trips, clustered sub-groups, round amounts, uniform balances; 75 of each) at
// each of 24, 28 and 32 members with a balance. Each group's time is the better of two runs (the plan is a pure
// function of the balances; the second run only removes a GC pause or a scheduler hiccup from the figure).
const realistic = groupGenerator(20261129)
const key = (t: Transfer) => `${t.from}>${t.to}:${t.amount}`
for (let w = 0; w < 30; w++) planSettlement(realistic('trip', 32, 'warm'))
for (const n of [24, 28, 32]) {
  const times: number[] = []
  const kinds = { canonical: 0, minimum: 0, heuristic: 0 }
  let transfers = 0
  let greedy = 0
  let payments = 0
  let changed = 0
  let changedCanonical = 0
  let keptChanged = 0
  for (let g = 0; g < 300; g++) {
    const kind = groupKinds[g % groupKinds.length]!
    const balances = realistic(kind, n, `${kind}${g}-`)
    let plan = planSettlementWithKind(balances)
    let best = Infinity
    for (let r = 0; r < 2; r++) {
      const t = performance.now()
      plan = planSettlementWithKind(balances)
      best = Math.min(best, performance.now() - t)
    }
    times.push(best)
    kinds[plan.kind]++
    transfers += plan.transfers.length
    greedy += greedyPlan(balances).length
    // Pay one suggested transfer (a different one in each group): does the rest of the plan change?
    const paid = plan.transfers[g % plan.transfers.length]!
    const after = applyTransfers(balances, [paid])
    const rest = plan.transfers.filter((t) => t !== paid).map(key).join()
    payments++
    if (planSettlement(after).map(key).join() !== rest) {
      changed++
      if (plan.kind === 'canonical') changedCanonical++
    }
    const kept = continuePlan({ balances, transfers: plan.transfers }, after) ?? planSettlement(after)
    if (kept.map(key).join() !== rest) keptChanged++
  }
  report(`planSettlement, ${n} members with a balance (exact)`, Math.max(...times), 100, `worst of 300 realistic groups, median ${ms(median(times))}`)
  const ok = transfers <= greedy && kinds.heuristic === 0 && changed === 0 && keptChanged === 0
  if (!ok) failed = true
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${n} members: minimum in ${kinds.canonical + kinds.minimum} of 300 groups (canonical ${kinds.canonical}, ` +
      `search ran out ${kinds.minimum}, heuristic ${kinds.heuristic}); ${transfers} transfers vs ${greedy} with largest-first greedy; ` +
      `a suggested payment changed the rest of the plan in ${changedCanonical} of ${kinds.canonical} canonical plans ` +
      `(${changed} of ${payments} for planSettlement alone), and in ${keptChanged} of ${payments} with the plan the function keeps`
  )
}
{
  // Beyond the 900 groups above: 400 more of the hardest kinds (round amounts, uniform balances; many small zero-sum
  // subsets) at 29-32 members from another seed. A search that runs out of work still returns a minimum plan, and
  // the work budget bounds its time; the function's kept plan keeps it stable while it is paid.
  const more = groupGenerator(777)
  const kinds = { canonical: 0, minimum: 0, heuristic: 0 }
  const times: number[] = []
  for (let g = 0; g < 400; g++) {
    const balances = more(g % 2 === 0 ? 'round' : 'uniform', 29 + (g % 4), `more${g}-`)
    // the better of two runs, as above
    let best = Infinity
    let kind: keyof typeof kinds = 'heuristic'
    for (let r = 0; r < 2; r++) {
      const t = performance.now()
      kind = planSettlementWithKind(balances).kind
      best = Math.min(best, performance.now() - t)
    }
    kinds[kind]++
    times.push(best)
  }
  const ok = kinds.heuristic === 0
  if (!ok) failed = true
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  400 more round and uniform groups of 29-32 members: minimum in ${kinds.canonical + kinds.minimum}, ` +
      `canonical in ${kinds.canonical} (search ran out in ${kinds.minimum}); worst ${ms(Math.max(...times))}, median ${ms(median(times))} (each the better of two runs)`
  )
}
{
  // Memory: the search keeps no table of 2^n entries (two halves of at most 2^16 sub-vectors): the array buffers
  // allocated during one call, at most over 20 groups.
  let peak = 0
  for (let g = 0; g < 20; g++) {
    const balances = realistic(groupKinds[g % 4]!, 32, `mem${g}-`)
    const before = process.memoryUsage().arrayBuffers
    planSettlement(balances)
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)
  }
  const mb = peak / 1024 / 1024
  const okMem = mb < 8
  if (!okMem) failed = true
  console.log(`${okMem ? 'PASS' : 'FAIL'}  planSettlement at 32 members: ${mb.toFixed(1)} MB of array buffers allocated by one call, at most over 20 groups (budget < 8 MB; the 20-member tables used to take 21 MB)`)
}

const groups500 = Array.from({ length: 20 }, (_, g) => randomBalances(500, `h${g}-`))
for (let i = 0; i < 5; i++) planSettlement(groups500[i]!)
const times500 = groups500.map((b) => {
  const t = performance.now()
  const plan = planSettlement(b)
  if (plan.length > 499) {
    console.log(`FAIL  ${plan.length} transfers for 500 members (more than n - 1)`)
    failed = true
  }
  return performance.now() - t
})
report('planSettlement, 500 non-zero members (heuristic)', Math.max(...times500), 50, `worst of 20 random groups, median ${ms(median(times500))}`)

// ---------------------------------------------------------------- plan size vs greedy
/**
 * A trip: 3-12 friends in a few sub-groups (couples, families, the people in each car) and 5-60
 * expenses. Most expenses are shared within one sub-group, some by everyone; amounts are round
 * (tickets at a price per person, meals rounded to 10 yuan); each sub-group has one or two people who pay.
 */
function trip(g: number): Balances {
  const members = Array.from({ length: int(3, 12) }, (_, i) => `t${g}-${i}`)
  const shuffled = sample(members, members.length)
  const subgroups: string[][] = []
  for (let i = 0; i < shuffled.length; ) {
    const size = Math.min(shuffled.length - i, int(2, 4))
    subgroups.push(shuffled.slice(i, i + size))
    i += size
  }
  const everyone = rand() < 0.3 ? 0.1 : 0.35
  const expenses: Expense[] = []
  const count = int(5, 60)
  for (let i = 0; i < count; i++) {
    const who = rand() < everyone ? members : pick(subgroups)
    const amount = rand() < 0.5 ? int(2, 30) * 1000 * who.length : int(1, 80) * 1000
    const payer = rand() < 0.7 ? who[0]! : pick(who)
    expenses.push({ id: `t${g}-e${i}`, amount, paidBy: { [payer]: amount }, split: { mode: 'equal', members: who } })
  }
  return computeBalances({ members, expenses, payments: [] })
}

let ours = 0
let theirs = 0
let fewer = 0
let worse = 0
for (let g = 0; g < 1000; g++) {
  const balances = trip(g)
  const a = planSettlement(balances).length
  const b = greedyPlan(balances).length
  ours += a
  theirs += b
  if (a < b) fewer++
  if (a > b) worse++
}
const saved = ((theirs - ours) / theirs) * 100
console.log(
  `${worse === 0 ? 'PASS' : 'FAIL'}  1,000 random trip groups: ${ours} transfers with planSettlement vs ${theirs} with largest-first greedy ` +
    `(${saved.toFixed(1)}% fewer; fewer in ${fewer} groups, more in ${worse})`
)
if (worse > 0) failed = true

process.exit(failed ? 1 : 0)
