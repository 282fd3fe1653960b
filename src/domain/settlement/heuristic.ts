import type { Transfer } from '../types'
import type { Party } from './types'

/**
 * A fast plan for large groups (more than 20 non-zero balances), at most n - 1 transfers:
 * 1. exact opposites first: for each amount, the debtors owing it and the creditors owed it are paired
 *    in id order (each such pair is a whole zero-sum part settled by one transfer);
 * 2. then largest first: the largest debtor pays the largest creditor (ties by id) as much as both
 *    allow, until everyone is settled. Every step settles at least one party.
 * O(n log n + k^2) for k parties left after step 1; deterministic.
 */
export function heuristicPlan(parties: readonly Party[]): Transfer[] {
  const sorted = [...parties].sort((a, b) => a.rank - b.rank)
  const out: Transfer[] = []
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
    const list = debtorsByAmount.get(c.balance)
    const d = list?.shift()
    if (!d) continue
    out.push({ from: d.id, to: c.id, amount: c.balance })
    paired.add(c)
    paired.add(d)
  }
  const debtors = sorted.filter((p) => p.balance < 0 && !paired.has(p)).map((p) => ({ id: p.id, rank: p.rank, left: -p.balance }))
  const creditors = sorted.filter((p) => p.balance > 0 && !paired.has(p)).map((p) => ({ id: p.id, rank: p.rank, left: p.balance }))
  const largest = (list: Array<{ rank: number; left: number }>): number => {
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
