/**
 * The app's check of an expense before it is previewed or sent: the same rules as the domain's
 * `validateExpense`, built from the domain's own split and payer functions, without the zod schemas
 * (they would add ~37 KB to the mini-program's main package). The function validates every expense
 * again with the schemas; tests/app/expense-check.test.ts compares this check with `validateExpense`.
 */
import { DomainError } from '@/domain/errors'
import { paidAmounts } from '@/domain/payers'
import { splitExpense } from '@/domain/split'
import type { CurrencyCode, Expense, MemberId, Shares } from '@/domain/types'

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

/**
 * Checks `expense` against the group (members, currency) and splits it. Returns each member's share in the
 * group currency; throws a DomainError with a stable code for the first problem.
 */
export function checkExpense(expense: Expense, members: readonly MemberId[], groupCurrency: CurrencyCode): Shares {
  const known = new Set(members)
  for (const member of referencedMembers(expense)) {
    if (!known.has(member)) throw new DomainError('UNKNOWN_MEMBER', `${member} is not a member of the group.`, { member })
  }
  if (expense.currency !== undefined && expense.currency !== groupCurrency && expense.rate === undefined) {
    throw new DomainError('RATE_REQUIRED', `An exchange rate from ${expense.currency} to ${groupCurrency} is required.`)
  }
  const shares = splitExpense(expense, groupCurrency)
  paidAmounts(expense, groupCurrency)
  return shares
}
