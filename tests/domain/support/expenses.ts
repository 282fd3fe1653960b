import fc from 'fast-check'
import type { Expense, Split } from '@/domain'
import { memberIds } from './arbitraries'

/** Cuts `total` (any sign) into `parts` integers of the same sign (or 0) that sum to it. */
export const cut = (total: number, parts: number, seeds: number[]): number[] => {
  const abs = Math.abs(total)
  const points = seeds.slice(0, parts - 1).map((s) => s % (abs + 1)).sort((a, b) => a - b)
  const out: number[] = []
  let prev = 0
  for (const p of points) {
    out.push(p - prev)
    prev = p
  }
  out.push(abs - prev)
  while (out.length < parts) out.push(0)
  return out.map((v) => (total < 0 && v !== 0 ? -v : v))
}

const splitArb = (members: string[], amount: number): fc.Arbitrary<Split> => {
  const n = members.length
  const seeds = fc.array(fc.nat(), { minLength: n, maxLength: n })
  return fc.oneof(
    fc.subarray(members, { minLength: 1 }).map((m): Split => ({ mode: 'equal', members: m })),
    fc.array(fc.nat(12), { minLength: n, maxLength: n })
      .filter((s) => s.some((x) => x > 0))
      .map((s): Split => ({ mode: 'shares', shares: Object.fromEntries(members.map((m, i) => [m, s[i]!])) })),
    seeds.map((s): Split => {
      const bps = cut(10000, n, s)
      return { mode: 'percent', basisPoints: Object.fromEntries(members.map((m, i) => [m, bps[i]!])) }
    }),
    seeds.map((s): Split => {
      const parts = cut(amount, n, s)
      return { mode: 'exact', amounts: Object.fromEntries(members.map((m, i) => [m, parts[i]!])) }
    }),
    fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }).map((raw): Split => {
      const limit = Math.floor(Math.abs(amount) / (2 * n))
      const adjustments = Object.fromEntries(members.map((m, i) => [m, limit === 0 ? 0 : Math.round((raw[i]! / 1000) * limit)]))
      return { mode: 'adjust', members, adjustments }
    })
  )
}

/** Valid expenses (all split modes, refunds, several payers, sometimes JPY/USD in a CNY group). */
export const expenseArb = (members: string[], id = fc.string({ minLength: 1, maxLength: 12 })): fc.Arbitrary<Expense> =>
  fc
    .record({
      id,
      amount: fc.oneof(fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: 1, max: 10_000 })).chain((a) =>
        fc.boolean().map((refund) => (refund ? -a : a))
      ),
      foreign: fc.constantFrom(undefined, ['JPY', '0.0485'], ['USD', '7.1234'], ['KRW', '0.0053'], ['CNY', undefined]),
      payers: fc.subarray(members, { minLength: 1, maxLength: Math.min(3, members.length) }),
      seeds: fc.array(fc.nat(), { minLength: 3, maxLength: 3 })
    })
    .chain(({ id, amount, foreign, payers, seeds }) => {
      let value = amount
      if (foreign && (foreign[0] === 'JPY' || foreign[0] === 'KRW')) value = Math.sign(amount) * Math.min(Math.abs(amount), 100_000_000)
      const paid = cut(value, payers.length, seeds)
      return splitArb(members, value).map((split): Expense => {
        const expense: Expense = { id, amount: value, paidBy: Object.fromEntries(payers.map((p, i) => [p, paid[i]!])), split }
        if (foreign) {
          expense.currency = foreign[0]
          if (foreign[1]) expense.rate = foreign[1]
        }
        return expense
      })
    })

/** A group: its members and valid expenses over them. */
export const groupArb = (minMembers = 1, maxMembers = 8, maxExpenses = 20) =>
  memberIds(minMembers, maxMembers).chain((members) =>
    fc.record({
      members: fc.constant(members),
      expenses: fc.uniqueArray(expenseArb(members), { maxLength: maxExpenses, selector: (e) => e.id })
    })
  )
