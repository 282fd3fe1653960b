/**
 * Realistic big groups for the settlement benchmark and tests: balances of `n` members, all non-zero, from a
 * seeded generator (the same groups on every run).
 *
 * - trip: 20-200 expenses; a few people pay most of them; amounts in fen, many round (per-person tickets,
 *   meals rounded to 10 yuan); each split equally over everyone or over a random subset.
 * - clustered: the members in sub-groups of 3-8 (families, cars, rooms); most expenses stay in one sub-group,
 *   some are for everyone.
 * - round: every amount a whole number of 10 yuan, split equally; many equal balances.
 * - uniform: each balance drawn uniformly from whole yuan in -500..500 (the last one closes the sum).
 */
import { computeBalances, type Balances, type Expense } from '../src/domain'
import { seeded } from './seeded'

export type GroupKind = 'trip' | 'clustered' | 'round' | 'uniform'
export const groupKinds: readonly GroupKind[] = ['trip', 'clustered', 'round', 'uniform']

export function groupGenerator(seed: number) {
  const { rand, int, pick, sample } = seeded(seed)

  function fromExpenses(members: string[], make: (i: number) => Omit<Expense, 'id'>, count: number, prefix: string): Balances {
    const expenses: Expense[] = Array.from({ length: count }, (_, i) => ({ id: `${prefix}e${i}`, ...make(i) }))
    return computeBalances({ members, expenses, payments: [] })
  }

  function once(kind: GroupKind, n: number, prefix: string): Balances {
    // ids in a shuffled order, so rank order and generation order differ
    const members = sample(
      Array.from({ length: n }, (_, i) => `${prefix}m${String(i).padStart(2, '0')}`),
      n
    )
    if (kind === 'uniform') {
      const out: Balances = {}
      let total = 0
      members.forEach((m, i) => {
        const v = i === n - 1 ? -total : int(-500, 500) * 100
        out[m] = v
        total += v
      })
      return out
    }
    if (kind === 'trip') {
      const payers = sample(members, int(2, 6))
      return fromExpenses(
        members,
        () => {
          const who = rand() < 0.4 ? members : sample(members, int(2, n))
          const amount = rand() < 0.5 ? int(2, 30) * 1000 * who.length : rand() < 0.5 ? int(1, 80) * 1000 : int(500, 90000)
          return { amount, paidBy: { [rand() < 0.8 ? pick(payers) : pick(who)]: amount }, split: { mode: 'equal', members: who } }
        },
        int(20, 200),
        prefix
      )
    }
    if (kind === 'clustered') {
      const subgroups: string[][] = []
      for (let i = 0; i < n; ) {
        const size = Math.min(n - i, int(3, 8))
        subgroups.push(members.slice(i, i + size))
        i += size
      }
      return fromExpenses(
        members,
        () => {
          const who = rand() < 0.15 ? members : pick(subgroups)
          const amount = rand() < 0.6 ? int(1, 60) * 1000 : int(500, 60000)
          return { amount, paidBy: { [rand() < 0.7 ? who[0]! : pick(who)]: amount }, split: { mode: 'equal', members: who } }
        },
        int(20, 200),
        prefix
      )
    }
    // round
    return fromExpenses(
      members,
      () => {
        const who = rand() < 0.5 ? members : sample(members, int(2, 6))
        const amount = int(1, 20) * 1000 * who.length
        return { amount, paidBy: { [pick(members)]: amount }, split: { mode: 'equal', members: who } }
      },
      int(20, 200),
      prefix
    )
  }

  /** A group of `kind` whose `n` members all have a non-zero balance. */
  return function group(kind: GroupKind, n: number, prefix = 'g'): Balances {
    for (;;) {
      const b = once(kind, n, prefix)
      if (Object.values(b).every((v) => v !== 0)) return b
    }
  }
}
