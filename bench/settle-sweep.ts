/**
 * A wider look at the exact settlement search than `bench:ledger` (not part of `npm run bench`: about a minute per
 * seed): `npx tsx bench/settle-sweep.ts [seed...]`. For each seed, 800 realistic groups of 29-32 members with a
 * balance (200 at each size, a quarter of each kind); prints how each plan was found and the slowest group.
 */
import { planSettlementWithKind, type PlanKind } from '../src/domain'
import { groupGenerator, groupKinds } from './groups'

const seeds = process.argv.slice(2).map(Number)
for (const seed of seeds.length > 0 ? seeds : [777, 4242, 99, 2026]) {
  const group = groupGenerator(seed)
  const kinds: Record<PlanKind, number> = { canonical: 0, minimum: 0, heuristic: 0 }
  let worst = 0
  let slowest = ''
  for (const n of [29, 30, 31, 32]) {
    for (let g = 0; g < 200; g++) {
      const kind = groupKinds[g % groupKinds.length]!
      const balances = group(kind, n, `${kind}${g}-`)
      planSettlementWithKind(balances)
      const t = performance.now()
      kinds[planSettlementWithKind(balances).kind]++
      const ms = performance.now() - t
      if (ms > worst) [worst, slowest] = [ms, `${kind} group ${g} of ${n} members`]
    }
  }
  console.log(
    `seed ${seed}: canonical ${kinds.canonical}, search ran out ${kinds.minimum}, heuristic ${kinds.heuristic} of 800; ` +
      `slowest ${worst.toFixed(1)} ms (${slowest})`
  )
}
