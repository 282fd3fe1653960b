import { allocate, type Weighted } from '../allocate'
import { DomainError } from '../errors'
import type { MemberId, Minor } from '../types'

/** Weight 1 for each member; SPLIT_EMPTY for no members, DUPLICATE_MEMBER for a repeated one. */
export function equalWeights(members: readonly MemberId[]): Weighted[] {
  if (!Array.isArray(members) || members.length === 0) {
    throw new DomainError('SPLIT_EMPTY', 'Choose at least one person to split with.')
  }
  const seen = new Set<MemberId>()
  const weights: Weighted[] = []
  for (const member of members) {
    if (seen.has(member)) throw new DomainError('DUPLICATE_MEMBER', `${member} is listed twice.`, { member })
    seen.add(member)
    weights.push([member, 1])
  }
  return weights
}

/** `total` split equally over `members`; the leftover units rotate with `seed` (the expense id). */
export function splitEqual(total: Minor, members: readonly MemberId[], seed: string): Array<[MemberId, Minor]> {
  return allocate(total, equalWeights(members), seed)
}
