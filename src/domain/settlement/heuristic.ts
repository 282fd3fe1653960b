import type { Transfer } from '../types'
import type { Party } from './types'

interface Open {
  id: string
  rank: number
  left: number
}

/** Largest first: the largest debtor pays the largest creditor (ties by rank) as much as both allow. */
function largestFirst(debtors: Open[], creditors: Open[]): Transfer[] {
  const out: Transfer[] = []
  const largest = (list: Open[]): number => {
    let best = -1
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!
      if (x.left === 0) continue
      if (best === -1 || x.left > list[best]!.left || (x.left === list[best]!.left && x.rank < list[best]!.rank)) best = i
    }
    return best
  }
  for (;;) {
    const i = largest(debtors)
    const j = largest(creditors)
    if (i === -1 || j === -1) break
    const d = debtors[i]!
    const c = creditors[j]!
    const amount = Math.min(d.left, c.left)
    out.push({ from: d.id, to: c.id, amount })
    d.left -= amount
    c.left -= amount
  }
  return out
}

const open = (p: Party): Open => ({ id: p.id, rank: p.rank, left: Math.abs(p.balance) })

/**
 * A fast plan for groups above the exact range, at most n - 1 transfers, and never more than largest-first
 * greedy: the fewer of
 * 1. exact opposites first (for each amount, the debtors owing it and the creditors owed it paired in rank
 *    order, each pair a zero-sum part settled by one transfer), then largest first on the rest;
 * 2. largest first on everyone.
 * Every largest-first step settles at least one party, so each is a forest. O(n log n + k^2); deterministic.
 */
export function heuristicPlan(parties: readonly Party[]): Transfer[] {
  const sorted = [...parties].sort((a, b) => a.rank - b.rank)
  const pairs: Transfer[] = []
  const debtorsByAmount = new Map<number, Party[]>()
  for (const p of sorted) {
    if (p.balance >= 0) continue
    const list = debtorsByAmount.get(-p.balance)
    if (list) list.push(p)
    else debtorsByAmount.set(-p.balance, [p])
  }
  const paired = new Set<Party>()
  for (const c of sorted) {
    if (c.balance <= 0) continue
    const d = debtorsByAmount.get(c.balance)?.shift()
    if (!d) continue
    pairs.push({ from: d.id, to: c.id, amount: c.balance })
    paired.add(c)
    paired.add(d)
  }
  const rest = sorted.filter((p) => !paired.has(p))
  const withPairs = [
    ...pairs,
    ...largestFirst(rest.filter((p) => p.balance < 0).map(open), rest.filter((p) => p.balance > 0).map(open))
  ]
  const greedy = largestFirst(sorted.filter((p) => p.balance < 0).map(open), sorted.filter((p) => p.balance > 0).map(open))
  return greedy.length < withPairs.length ? greedy : withPairs
}
