import { byId, convertParts } from './allocate'
import { DomainError } from './errors'
import { expenseTotal } from './money/convert'
import { assertMinor } from './money/minor'
import { wrongSign } from './split/exact'
import type { CurrencyCode, Expense, MemberId, Minor } from './types'

/**
 * Validated payers of `expense` in the expense currency: at least one (PAYERS_EMPTY), safe integers
 * (MONEY_NOT_INTEGER) with the sign of the amount or 0 (PAYERS_SIGN), totalling the amount (PAYERS_TOTAL).
 */
export function payerParts(expense: Pick<Expense, 'amount' | 'paidBy'>): Array<[MemberId, Minor]> {
  const entries = Object.entries(expense.paidBy ?? {})
  if (entries.length === 0) throw new DomainError('PAYERS_EMPTY', 'Choose who paid.')
  let total = 0
  for (const [member, paid] of entries) {
    assertMinor(paid, `The amount paid by ${member}`)
    if (wrongSign(expense.amount, paid)) {
      throw new DomainError('PAYERS_SIGN', `The amount paid by ${member} has the wrong sign.`, { member })
    }
    total += paid
  }
  if (total !== expense.amount) {
    throw new DomainError('PAYERS_TOTAL', `The amounts paid add up to ${total}, not ${expense.amount}.`, {
      total,
      amount: expense.amount
    })
  }
  return entries.map(([member, paid]) => [member, paid === 0 ? 0 : paid] as [MemberId, Minor]).sort(byId)
}

/**
 * What each payer paid, in the group currency, as [member, amount] pairs in member-id order. For a
 * foreign-currency expense the converted total is divided among the payers in proportion to what they
 * paid (largest remainder), so the payers total the converted amount exactly.
 */
export function payerEntries(expense: Expense, groupCurrency?: CurrencyCode): Array<[MemberId, Minor]> {
  const parts = payerParts(expense)
  const { total, converted } = expenseTotal(expense, groupCurrency)
  if (!converted) return parts
  return convertParts(total, parts, `${expense.id}/paid`)
}

/** What each payer paid, in the group currency (see {@link payerEntries}). */
export function paidAmounts(expense: Expense, groupCurrency?: CurrencyCode): Record<MemberId, Minor> {
  const out: Record<MemberId, Minor> = {}
  for (const [member, paid] of payerEntries(expense, groupCurrency)) out[member] = paid
  return out
}
