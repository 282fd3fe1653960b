import type { Transfer } from '../types'
import type { Party } from './types'

/**
 * Settles a zero-sum group by the "northwest corner" walk: debtors and creditors each in id order,
 * the first debtor pays the first creditor as much as both allow, then whoever is settled steps on.
 * Of all ways to settle the group it is the unique one that maximises sum(amount * rank(from) * rank(to))
 * (a supermodular objective), and it uses k - 1 transfers when the group has no smaller zero-sum part.
 * Paying any one of its transfers leaves exactly the walk of the remaining balances minus that transfer.
 */
export function northwest(group: readonly Party[]): Transfer[] {
  const sorted = [...group].sort((a, b) => a.rank - b.rank)
  const debtors = sorted.filter((p) => p.balance < 0).map((p) => ({ id: p.id, left: -p.balance }))
  const creditors = sorted.filter((p) => p.balance > 0).map((p) => ({ id: p.id, left: p.balance }))
  const out: Transfer[] = []
  let i = 0
  let j = 0
  while (i < debtors.length && j < creditors.length) {
    const d = debtors[i]!
    const c = creditors[j]!
    const amount = Math.min(d.left, c.left)
    if (amount > 0) out.push({ from: d.id, to: c.id, amount })
    d.left -= amount
    c.left -= amount
    if (d.left === 0) i++
    if (c.left === 0) j++
  }
  return out
}

