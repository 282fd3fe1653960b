import fc from 'fast-check'
import { DomainError, planSettlement, type Balances, type Transfer } from '@/domain'
import { balancesArb } from './support/arbitraries'
import { applyTransfers, bruteForceMinimum, greedyPlan, reorder } from './support/reference'

const key = (t: Transfer) => `${t.from}>${t.to}:${t.amount}`
const nonZero = (b: Balances) => Object.values(b).filter((v) => v !== 0).length

describe('planSettlement examples', () => {
  it('settles A +600, B +400, C -300, D -300, E -400 in 3 transfers where largest-first greedy needs 4', () => {
    const balances = { A: 600, B: 400, C: -300, D: -300, E: -400 }
    const plan = planSettlement(balances)
    expect(plan).toHaveLength(3)
    expect(greedyPlan(balances)).toHaveLength(4)
    expect(plan).toEqual([
      { from: 'C', to: 'A', amount: 300 },
      { from: 'D', to: 'A', amount: 300 },
      { from: 'E', to: 'B', amount: 400 }
    ])
    expect(Object.values(applyTransfers(balances, plan)).every((v) => v === 0)).toBe(true)
  })

  it('keeps its suggestions where "best group for the smallest id first" would reshuffle them', () => {
    // Two minimum plans: {a,c,e}+{b,d} or {a,d,e}+{b,c}. After e pays a, a rule that picks the smallest
    // member's best group first would pair b with c; the remaining suggestions must not change.
    const balances = { a: 200, b: -100, c: 100, d: 100, e: -300 }
    const plan = planSettlement(balances)
    expect(plan).toHaveLength(3)
    for (const t of plan) {
      const after = planSettlement(applyTransfers(balances, [t]))
      expect(after).toEqual(plan.filter((x) => x !== t))
    }
    expect(plan).toEqual([
      { from: 'b', to: 'c', amount: 100 },
      { from: 'e', to: 'a', amount: 200 },
      { from: 'e', to: 'd', amount: 100 }
    ])
  })

  it('settles large balances exactly (scores beyond 2^53 use BigInt)', () => {
    const balances: Balances = {}
    for (let i = 0; i < 6; i++) balances[`m${i}`] = (i % 2 ? 1 : -1) * (100_000_000_000_000 + i)
    balances.m6 = -Object.values(balances).reduce((a, b) => a + b, 0)
    const plan = planSettlement(balances)
    expect(Object.values(applyTransfers(balances, plan)).every((v) => v === 0)).toBe(true)
    expect(plan.length).toBe(bruteForceMinimum(balances))
  })

  it('returns no transfers for settled or empty balances', () => {
    expect(planSettlement({})).toEqual([])
    expect(planSettlement({ a: 0, b: 0 })).toEqual([])
  })

  it('pays a single creditor from every debtor', () => {
    expect(planSettlement({ a: 100, b: -40, c: -60 })).toEqual([
      { from: 'b', to: 'a', amount: 40 },
      { from: 'c', to: 'a', amount: 60 }
    ])
  })

  it('rejects balances that do not sum to zero or are not integers', () => {
    expect(() => planSettlement({ a: 1, b: 0 })).toThrow(expect.objectContaining({ code: 'BALANCES_NOT_ZERO' }))
    expect(() => planSettlement({ a: 0.5, b: -0.5 })).toThrow(DomainError)
    expect(() => planSettlement({ a: 0.5, b: -0.5 })).toThrow(expect.objectContaining({ code: 'MONEY_NOT_INTEGER' }))
  })

  it('finds the exact minimum for 20 non-zero members', () => {
    // ten pairs of equal and opposite amounts, hidden among each other: 10 transfers
    const balances: Balances = {}
    for (let i = 0; i < 10; i++) {
      balances[`c${i}`] = (i + 1) * 700 + 3
      balances[`d${(i * 7) % 10}`] = -((i + 1) * 700 + 3)
    }
    const plan = planSettlement(balances)
    expect(plan).toHaveLength(10)
    expect(Object.values(applyTransfers(balances, plan)).every((v) => v === 0)).toBe(true)
  })

  it('uses at most n - 1 transfers above 20 non-zero members and settles everyone', () => {
    const balances: Balances = {}
    let sum = 0
    for (let i = 0; i < 59; i++) {
      const v = ((i * 7919) % 2001) - 1000 || 1
      balances[`m${String(i).padStart(2, '0')}`] = v
      sum += v
    }
    balances.last = -sum
    const plan = planSettlement(balances)
    expect(plan.length).toBeLessThanOrEqual(59)
    expect(plan.every((t) => t.amount > 0 && t.from !== t.to)).toBe(true)
    expect(Object.values(applyTransfers(balances, plan)).every((v) => v === 0)).toBe(true)
  })

  it('matches exact opposites first above 20 non-zero members', () => {
    const balances: Balances = {}
    for (let i = 0; i < 15; i++) {
      balances[`p${String(i).padStart(2, '0')}`] = 1000 + i
      balances[`q${String(i).padStart(2, '0')}`] = -(1000 + i)
    }
    expect(planSettlement(balances)).toHaveLength(15)
  })
})

describe('planSettlement properties', () => {
  it('settles everyone with positive transfers from debtors to creditors, never more than greedy', () => {
    fc.assert(
      fc.property(balancesArb(0, 12), (balances) => {
        const plan = planSettlement(balances)
        const after = applyTransfers(balances, plan)
        expect(Object.values(after).every((v) => v === 0)).toBe(true)
        for (const t of plan) {
          expect(t.amount).toBeGreaterThan(0)
          expect(balances[t.from]!).toBeLessThan(0)
          expect(balances[t.to]!).toBeGreaterThan(0)
        }
        expect(plan.length).toBeLessThanOrEqual(greedyPlan(balances).length)
        expect(plan.length).toBeLessThanOrEqual(Math.max(0, nonZero(balances) - 1))
      }),
      { numRuns: 2000 }
    )
  })

  it('uses exactly the brute-force minimum number of transfers (up to 7 non-zero)', () => {
    fc.assert(
      fc.property(balancesArb(0, 7), (balances) => {
        expect(planSettlement(balances).length).toBe(bruteForceMinimum(balances))
      }),
      { numRuns: 3000 }
    )
  })

  it('is deterministic and independent of key order', () => {
    fc.assert(
      fc.property(balancesArb(1, 12), fc.array(fc.nat(30), { maxLength: 12 }), (balances, order) => {
        const plan = planSettlement(balances)
        expect(planSettlement(balances)).toEqual(plan)
        expect(planSettlement(reorder(balances, order))).toEqual(plan)
      }),
      { numRuns: 1000 }
    )
  })

  it('is stable: after any one suggested transfer is paid, the new plan is the remaining suggestions', () => {
    fc.assert(
      fc.property(fc.oneof(balancesArb(2, 9, 'small'), balancesArb(2, 10, 'round'), balancesArb(2, 10)), (balances) => {
        const plan = planSettlement(balances)
        for (const t of plan) {
          const next = planSettlement(applyTransfers(balances, [t]))
          const remaining = plan.filter((x) => x !== t)
          expect(next.map(key)).toEqual(remaining.map(key))
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('stays stable when every suggestion is paid one by one, in any order', () => {
    fc.assert(
      fc.property(balancesArb(2, 10, 'small'), fc.array(fc.nat(), { maxLength: 10 }), (balances, picks) => {
        let current = balances
        let plan = planSettlement(current)
        let i = 0
        while (plan.length > 0) {
          const t = plan[(picks[i++] ?? 0) % plan.length]!
          current = applyTransfers(current, [t])
          const next = planSettlement(current)
          expect(next.map(key)).toEqual(plan.filter((x) => x !== t).map(key))
          plan = next
        }
        expect(Object.values(current).every((v) => v === 0)).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })
})
