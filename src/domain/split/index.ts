import { allocate, byId, convertParts } from '../allocate'
import { DomainError } from '../errors'
import { expenseTotal } from '../money/convert'
import type { CurrencyCode, Expense, MemberId, Minor, Shares } from '../types'
import { splitAdjust } from './adjust'
import { equalWeights } from './equal'
import { splitExact } from './exact'
import { percentWeights } from './percent'
import { shareWeights } from './shares'

export { splitEqual, equalWeights } from './equal'
export { splitShares, shareWeights } from './shares'
export { splitPercent, percentWeights, FULL_BASIS_POINTS } from './percent'
export { splitExact } from './exact'
export { splitAdjust } from './adjust'

/**
 * What each member owes for `expense`, in the group currency, as [member, amount] pairs in member-id
 * order. Equal, shares and percent split the converted total directly; exact and adjust are computed
 * in the expense currency and then converted as parts of the converted total, so the rounding of the
 * conversion is part of the split. Always totals the (converted) amount exactly.
 */
export function splitEntries(expense: Expense, groupCurrency?: CurrencyCode): Array<[MemberId, Minor]> {
  const { total, converted } = expenseTotal(expense, groupCurrency)
  const split = expense.split
  const seed = String(expense.id)
  switch (split?.mode) {
    case 'equal':
      return allocate(total, equalWeights(split.members), seed)
    case 'shares':
      return allocate(total, shareWeights(split.shares), seed)
    case 'percent':
      return allocate(total, percentWeights(split.basisPoints), seed)
    case 'exact': {
      const parts = splitExact(expense.amount, split.amounts)
      return converted ? convertParts(total, parts, seed) : parts.sort(byId)
    }
    case 'adjust': {
      const parts = splitAdjust(expense.amount, split.members, split.adjustments, seed)
      return converted ? convertParts(total, parts, seed) : parts.sort(byId)
    }
    default:
      throw new DomainError('SPLIT_MODE', `Unknown split mode: ${String((split as { mode?: unknown } | undefined)?.mode)}.`)
  }
}

/**
 * What each member owes for `expense`, in the group currency (`groupCurrency`; absent: the expense is
 * taken as already in the group currency). Totals the converted amount exactly; a refund (negative
 * amount) is split as the mirror of the same positive expense. Throws DomainError on invalid splits.
 *
 * @example splitExpense({ id: 'e1', amount: 100, paidBy: { a: 100 }, split: { mode: 'equal', members: ['a', 'b', 'c'] } })
 *   // { a: 34, b: 33, c: 33 } or a rotation of the extra fen, depending on the id
 */
export function splitExpense(expense: Expense, groupCurrency?: CurrencyCode): Shares {
  const out: Shares = {}
  for (const [member, owed] of splitEntries(expense, groupCurrency)) out[member] = owed
  return out
}
