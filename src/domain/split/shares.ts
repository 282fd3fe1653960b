import { allocate, type Weighted } from '../allocate'
import { DomainError } from '../errors'
import type { MemberId, Minor } from '../types'

/** A valid share: a non-negative safe integer. */
export const isShare = (share: unknown): share is number => typeof share === 'number' && Number.isSafeInteger(share) && share >= 0

/** Valid shares total more than 0, and a safe integer. */
export const isShareTotal = (total: number): boolean => total > 0 && Number.isSafeInteger(total)

/** Validated weights: non-negative safe integers (SPLIT_SHARES_INVALID), total > 0 (SPLIT_SHARES_ZERO). */
export function shareWeights(shares: Record<MemberId, number>): Weighted[] {
  const entries = Object.entries(shares ?? {})
  if (entries.length === 0) throw new DomainError('SPLIT_EMPTY', 'Choose at least one person to split with.')
  let total = 0
  for (const [member, share] of entries) {
    if (!isShare(share)) {
      throw new DomainError('SPLIT_SHARES_INVALID', `Shares must be whole numbers of 0 or more (${member}: ${String(share)}).`, {
        member
      })
    }
    total += share
  }
  if (!isShareTotal(total)) {
    if (total === 0) throw new DomainError('SPLIT_SHARES_ZERO', 'At least one person needs more than 0 shares.')
    throw new DomainError('SPLIT_SHARES_INVALID', 'The shares are too large.')
  }
  return entries
}

/** `total` split in proportion to integer `shares` (largest remainder, rotating tie-break). */
export function splitShares(total: Minor, shares: Record<MemberId, number>, seed: string): Array<[MemberId, Minor]> {
  return allocate(total, shareWeights(shares), seed)
}
