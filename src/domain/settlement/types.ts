import type { MemberId, Minor } from '../types'

/**
 * A member with a non-zero balance, as the settlement solvers see it. `rank` is the position of the
 * member among ALL members of the balances (zeros included) in id order; it is fixed for a group, so
 * paying one transfer does not change anyone's rank.
 */
export interface Party {
  id: MemberId
  rank: number
  balance: Minor
}
