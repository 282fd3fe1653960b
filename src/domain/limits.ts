import { DomainError } from './errors'
import type { Balances, Minor } from './types'

/**
 * What a group's ledger may reach, so that every read of it stays exact: balances, totals and the settlement plan
 * are sums in doubles, exact up to 2^53 (about 9 * 10^15 minor units). A group may owe at most 10^13 minor units in
 * all (100 billion yuan in fen) and its expenses may total at most 10^15 either way; a change past either is
 * refused before it is written (GROUP_BALANCE_LIMIT), so no sequence of accepted writes can make a read fail.
 */
export const MAX_GROUP_DEBT: Minor = 10 ** 13
export const MAX_GROUP_SPENT: Minor = 10 ** 15

/** Throws GROUP_BALANCE_LIMIT unless the group's balances and total spent are within the limits. */
export function checkGroupBounds(balances: Balances, totalSpent: Minor): void {
  let debt = 0
  for (const v of Object.values(balances)) {
    if (!Number.isSafeInteger(v)) throw new DomainError('GROUP_BALANCE_LIMIT', 'A balance would be too large.')
    if (v > 0) debt += v
  }
  if (debt > MAX_GROUP_DEBT) {
    throw new DomainError('GROUP_BALANCE_LIMIT', `The group would owe ${debt} in all, more than ${MAX_GROUP_DEBT}.`, { debt, limit: MAX_GROUP_DEBT })
  }
  if (!Number.isSafeInteger(totalSpent) || Math.abs(totalSpent) > MAX_GROUP_SPENT) {
    throw new DomainError('GROUP_BALANCE_LIMIT', `The group's expenses would total more than ${MAX_GROUP_SPENT}.`, { limit: MAX_GROUP_SPENT })
  }
}
