import { allocate, type Weighted } from '../allocate'
import { DomainError } from '../errors'
import type { MemberId, Minor } from '../types'

/** 100% in basis points. */
export const FULL_BASIS_POINTS = 10000

/** A valid percentage: an integer number of basis points, 0 to 10000. */
export const isBasisPoints = (points: unknown): points is number =>
  typeof points === 'number' && Number.isInteger(points) && points >= 0 && points <= FULL_BASIS_POINTS

/**
 * Validated basis points: integers 0..10000 (SPLIT_PERCENT_INVALID) totalling exactly 10000
 * (SPLIT_PERCENT_TOTAL).
 */
export function percentWeights(basisPoints: Record<MemberId, number>): Weighted[] {
  const entries = Object.entries(basisPoints ?? {})
  if (entries.length === 0) throw new DomainError('SPLIT_EMPTY', 'Choose at least one person to split with.')
  let total = 0
  for (const [member, points] of entries) {
    if (!isBasisPoints(points)) {
      throw new DomainError('SPLIT_PERCENT_INVALID', `A percentage must be 0% to 100% with at most two decimals (${member}).`, {
        member
      })
    }
    total += points
  }
  if (total !== FULL_BASIS_POINTS) {
    throw new DomainError('SPLIT_PERCENT_TOTAL', `The percentages add up to ${total / 100}%, not 100%.`, { total })
  }
  return entries
}

/** `total` split by basis points (largest remainder, rotating tie-break). */
export function splitPercent(total: Minor, basisPoints: Record<MemberId, number>, seed: string): Array<[MemberId, Minor]> {
  return allocate(total, percentWeights(basisPoints), seed)
}
