import { DomainError } from '../errors'
import { assertMinor } from '../money/minor'
import type { MemberId, Minor } from '../types'
import { splitEqual } from './equal'
import { wrongSign } from './exact'

/**
 * Adjustments on top of an equal split: each adjustment (+ owes more, - owes less) is taken first,
 * the rest of `amount` is split equally over `members`. Nobody may end up owing the opposite sign
 * of the amount, and the adjustments may not exceed the amount (SPLIT_ADJUST_TOO_LARGE).
 * In the expense currency; totals `amount` exactly.
 */
export function splitAdjust(
  amount: Minor,
  members: readonly MemberId[],
  adjustments: Record<MemberId, Minor>,
  seed: string
): Array<[MemberId, Minor]> {
  let adjusted = 0
  const entries = Object.entries(adjustments ?? {})
  for (const [member, adjustment] of entries) {
    assertMinor(adjustment, `The adjustment of ${member}`)
    adjusted += adjustment
  }
  const rest = amount - adjusted
  if (wrongSign(amount, rest) || !Number.isSafeInteger(rest)) {
    throw new DomainError('SPLIT_ADJUST_TOO_LARGE', 'The adjustments add up to more than the expense.', { rest })
  }
  const owed = new Map<MemberId, Minor>(splitEqual(rest, members, seed))
  for (const [member, adjustment] of entries) owed.set(member, (owed.get(member) ?? 0) + adjustment)
  const out: Array<[MemberId, Minor]> = []
  for (const [member, value] of owed) {
    if (wrongSign(amount, value)) {
      throw new DomainError('SPLIT_ADJUST_TOO_LARGE', `The adjustment of ${member} is larger than their share.`, { member })
    }
    out.push([member, value === 0 ? 0 : value])
  }
  return out
}
