import { DomainError } from '../errors'
import { assertMinor } from '../money/minor'
import type { MemberId, Minor } from '../types'

/** Whether `value` (owed or paid toward `amount`) has the opposite sign of `amount`: only its sign, or 0, is valid. */
export const wrongSign = (amount: Minor, value: Minor): boolean => (amount > 0 && value < 0) || (amount < 0 && value > 0)

/**
 * The exact amounts owed, validated: safe integers (MONEY_NOT_INTEGER) with the sign of `amount`
 * or 0 (SPLIT_EXACT_SIGN), totalling exactly `amount` (SPLIT_EXACT_TOTAL). In the expense currency.
 */
export function splitExact(amount: Minor, amounts: Record<MemberId, Minor>): Array<[MemberId, Minor]> {
  const entries = Object.entries(amounts ?? {})
  if (entries.length === 0) throw new DomainError('SPLIT_EMPTY', 'Choose at least one person to split with.')
  let total = 0
  for (const [member, owed] of entries) {
    assertMinor(owed, `The amount of ${member}`)
    if (wrongSign(amount, owed)) {
      throw new DomainError('SPLIT_EXACT_SIGN', `The amount of ${member} has the wrong sign.`, { member })
    }
    total += owed
  }
  if (total !== amount) {
    throw new DomainError('SPLIT_EXACT_TOTAL', `The amounts add up to ${total}, not ${amount}.`, { total, amount })
  }
  return entries.map(([member, owed]) => [member, owed === 0 ? 0 : owed])
}
