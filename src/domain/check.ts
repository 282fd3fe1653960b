/**
 * The group checks of an expense, without the zod schemas (so the mini-program can use them without ~37 KB of
 * zod in its main package): every payer and split member is in `members` (UNKNOWN_MEMBER), a foreign-currency
 * expense carries a rate (RATE_REQUIRED), and it splits and its payers total (the same code paths the balances use).
 * Returns each member's share in the group currency; throws a DomainError with the first problem's code.
 */
import { DomainError } from './errors'
import { paidAmounts } from './payers'
import { splitExpense } from './split'
import type { CurrencyCode, Expense, MemberId, Shares } from './types'

function referencedMembers(expense: Expense): MemberId[] {
  const split = expense.split
  const listed = split.mode === 'equal' || split.mode === 'adjust' ? split.members : []
  const keyed =
    split.mode === 'shares'
      ? split.shares
      : split.mode === 'percent'
        ? split.basisPoints
        : split.mode === 'exact'
          ? split.amounts
          : split.mode === 'adjust'
            ? split.adjustments
            : {}
  return [...Object.keys(expense.paidBy), ...listed, ...Object.keys(keyed)]
}

export function checkExpense(expense: Expense, members: readonly MemberId[], groupCurrency?: CurrencyCode): Shares {
  const known = new Set(members)
  for (const member of referencedMembers(expense)) {
    if (!known.has(member)) throw new DomainError('UNKNOWN_MEMBER', `${member} is not a member of the group.`, { member })
  }
  if (groupCurrency !== undefined && expense.currency !== undefined && expense.currency !== groupCurrency && expense.rate === undefined) {
    throw new DomainError('RATE_REQUIRED', `An exchange rate from ${expense.currency} to ${groupCurrency} is required.`)
  }
  const shares = splitExpense(expense, groupCurrency)
  paidAmounts(expense, groupCurrency)
  return shares
}
