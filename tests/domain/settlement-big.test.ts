/**
 * Big groups: the exact search up to 32 members with a balance, the heuristic above it, and continuePlan.
 * Realistic groups come from bench/groups.ts (trips, clustered sub-groups, round amounts, uniform balances).
 */
import fc from 'fast-check'
import { continuePlan, EXACT_LIMIT, planSettlement, planSettlementWithKind, type Balances, type Transfer } from '@/domain'
import { exactPlan } from '@/domain/settlement/exact'
import type { Party } from '@/domain/settlement/types'
import { groupGenerator, groupKinds, type GroupKind } from '../../bench/groups'
import { balancesArb } from './support/arbitraries'
import { applyTransfers, bruteForceMinimum, greedyPlan } from './support/reference'
import { subsetDpPlan } from './support/subset-dp'

const key = (t: Transfer) => `${t.from}>${t.to}:${t.amount}`
const keys = (ts: readonly Transfer[]) => ts.map(key).sort()
const settles = (b: Balances, plan: readonly Transfer[]) => Object.values(applyTransfers(b, plan)).every((v) => v === 0)
const nonZero = (b: Balances) => Object.values(b).filter((v) => v !== 0).length

/** The plan of the subset-DP solver (all 2^n subsets in typed arrays; simple, slow, independent of the search). */
function referencePlan(b: Balances): Transfer[] {
  const ids = Object.keys(b).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  const parties: Party[] = ids.map((id, rank) => ({ id, rank, balance: b[id]! })).filter((p) => p.balance !== 0)
  return subsetDpPlan(parties, ids.length)
}

const gen = groupGenerator(4242)

describe('exact plans up to 32 members with a balance', () => {
  it('raises the exact range to 32', () => {
    expect(EXACT_LIMIT).toBe(32)
  })

  it('equals the subset-DP solver on many-tie groups (balances in -4..4, round amounts) up to 14 members', () => {
    fc.assert(
      fc.property(fc.oneof(balancesArb(2, 14, 'small'), balancesArb(2, 14, 'round'), balancesArb(2, 14)), (b) => {
        const plan = planSettlementWithKind(b)
        expect(plan.kind).toBe('canonical')
        expect(keys(plan.transfers)).toEqual(keys(referencePlan(b)))
      }),
      { numRuns: 400 }
    )
  })

  it('uses exactly the brute-force minimum on small groups', () => {
    fc.assert(
      fc.property(fc.oneof(balancesArb(0, 9, 'small'), balancesArb(0, 9)), (b) => {
        expect(planSettlement(b).length).toBe(bruteForceMinimum(b))
      }),
      { numRuns: 500 }
    )
  })

  it.each([21, 22, 23, 24])('equals the subset-DP solver on realistic groups of %i members', (n) => {
    for (const kind of groupKinds) {
      const b = gen(kind, n, `${kind}${n}-`)
      const plan = planSettlementWithKind(b)
      expect(plan.kind).toBe('canonical')
      expect(keys(plan.transfers)).toEqual(keys(referencePlan(b)))
      expect(plan.transfers.length).toBeLessThanOrEqual(greedyPlan(b).length)
    }
  })

  it('finds the minimum at 32 members where largest-first greedy needs ten more', () => {
    // six copies of the textbook group (+6k, +4k, -3k, -3k, -4k: 3 transfers, greedy 4) at distinct scales,
    // their ids interleaved, plus one pair: 6 * 3 + 1 = 19 transfers
    const b: Balances = { p: 777, q: -777 }
    for (let g = 0; g < 6; g++) {
      const k = 100 + g * 13
      b[`a${(g * 5) % 6}`] = 6 * k
      b[`b${g}`] = 4 * k
      b[`c${(g * 7) % 6}`] = -3 * k
      b[`d${g}`] = -3 * k
      b[`e${(g + 3) % 6}`] = -4 * k
    }
    expect(nonZero(b)).toBe(32)
    const plan = planSettlementWithKind(b)
    expect(plan.kind).toBe('canonical')
    expect(plan.transfers).toHaveLength(19)
    expect(settles(b, plan.transfers)).toBe(true)
    expect(greedyPlan(b)).toHaveLength(29)
  })

  it('is stable on realistic groups of 21 to 32 members: paying any suggested transfer leaves exactly the rest', () => {
    // Every kind at 21 to 32 members, the round and uniform ones (many small zero-sum subsets) the most often.
    for (let i = 0; i < 20; i++) {
      const kind: GroupKind = groupKinds[i % groupKinds.length]!
      const n = i >= 16 ? 32 : 21 + ((i * 5) % 12)
      const b = gen(kind === 'trip' && i >= 16 ? 'uniform' : kind, n, `s${i}-`)
      const plan = planSettlementWithKind(b)
      expect(settles(b, plan.transfers)).toBe(true)
      expect(plan.kind).toBe('canonical')
      for (const t of plan.transfers) {
        const next = planSettlement(applyTransfers(b, [t]))
        expect(keys(next)).toEqual(keys(plan.transfers.filter((x) => x !== t)))
      }
    }
  })

  it('returns a minimum plan, not always the canonical one, when the search runs out of work', () => {
    let differs = 0
    for (let i = 0; i < 12; i++) {
      const b = gen(groupKinds[i % 4]!, 28, `u${i}-`)
      const ids = Object.keys(b).sort()
      const parties: Party[] = ids.map((id, rank) => ({ id, rank, balance: b[id]! }))
      const canonical = exactPlan(parties, ids.length, 10_000_000)!
      const short = exactPlan(parties, ids.length, 1)!
      expect(canonical.canonical).toBe(true)
      expect(short.canonical).toBe(false)
      expect(short.transfers).toHaveLength(canonical.transfers.length)
      expect(settles(b, short.transfers)).toBe(true)
      expect(exactPlan(parties, ids.length, 1)).toEqual(short)
      if (keys(short.transfers).join() !== keys(canonical.transfers).join()) differs++
    }
    expect(differs).toBeGreaterThan(0)
  })
})

describe('above 32 members with a balance', () => {
  it('uses at most n - 1 transfers and never more than largest-first greedy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 33, max: 80 }), fc.constantFrom(...groupKinds), fc.nat(), (n, kind, seed) => {
        const b = groupGenerator(seed)(kind, n, 'h')
        const plan = planSettlementWithKind(b)
        expect(plan.kind).toBe('heuristic')
        expect(settles(b, plan.transfers)).toBe(true)
        expect(plan.transfers.length).toBeLessThanOrEqual(n - 1)
        expect(plan.transfers.length).toBeLessThanOrEqual(greedyPlan(b).length)
      }),
      { numRuns: 40 }
    )
  })
})

describe('continuePlan: a plan kept while it is paid', () => {
  it('keeps exactly the rest after any suggested payment, on groups of 33 to 60 (where a new plan would often change)', () => {
    let reshuffled = 0
    for (let i = 0; i < 8; i++) {
      const n = 33 + i * 3
      const b = gen(groupKinds[i % 4]!, n, `k${i}-`)
      const plan = planSettlement(b)
      for (const t of plan) {
        const after = applyTransfers(b, [t])
        const rest = plan.filter((x) => x !== t)
        const kept = continuePlan({ balances: b, transfers: plan }, after)
        expect(kept).not.toBeNull()
        expect(keys(kept!)).toEqual(keys(rest))
        expect(settles(after, kept!)).toBe(true)
        if (keys(planSettlement(after)).join() !== keys(rest).join()) reshuffled++
      }
    }
    // the heuristic alone is not stable: without the kept plan users would have seen these changes
    expect(reshuffled).toBeGreaterThan(0)
  })

  it('keeps the rest after several suggested payments at once, in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 33, max: 50 }), fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (n, seed, picks) => {
        const b = groupGenerator(seed)('trip', n, 'm')
        const plan = planSettlement(b)
        const paid = new Set(picks.map((p) => plan[p % plan.length]!))
        const after = applyTransfers(b, [...paid])
        const kept = continuePlan({ balances: b, transfers: plan }, after)
        expect(kept && keys(kept)).toEqual(keys(plan.filter((t) => !paid.has(t))))
      }),
      { numRuns: 60 }
    )
  })

  it('asks for a new plan when the balances moved in any other way', () => {
    const b: Balances = { a: 300, b: 200, c: -100, d: -400 }
    const plan = planSettlement(b)
    const t = plan[0]!
    // a partial payment of a suggestion
    expect(continuePlan({ balances: b, transfers: plan }, applyTransfers(b, [{ ...t, amount: t.amount - 1 }]))).toBeNull()
    // a payment between two people the plan does not pair
    expect(continuePlan({ balances: b, transfers: plan }, applyTransfers(b, [{ from: 'c', to: 'b', amount: 50 }]))).toBeNull()
    // an expense: a pays 60 for a and e (e joined)
    expect(continuePlan({ balances: b, transfers: plan }, { ...b, a: 330, e: -30 })).toBeNull()
    // nothing moved (an expense added and deleted again), or a member joined with nothing to settle
    expect(continuePlan({ balances: b, transfers: plan }, { ...b })).toEqual(plan)
    expect(continuePlan({ balances: b, transfers: plan }, { ...b, e: 0 })).toEqual(plan)
    // everything paid
    expect(continuePlan({ balances: b, transfers: plan }, applyTransfers(b, plan))).toEqual([])
  })
})
