import { DomainError } from '../errors'
import type { Balances, Transfer } from '../types'
import { EXACT_LIMIT, exactPlan } from './exact'
import { heuristicPlan } from './heuristic'
import type { Party } from './types'

export { EXACT_LIMIT } from './exact'

const byPair = (a: Transfer, b: Transfer): number =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0

/**
 * Who should pay whom to settle `balances` (as {@link computeBalances} returns them: every member,
 * zeros included, summing to 0).
 *
 * - Up to 20 members with a non-zero balance: the minimum number of transfers (the members split into
 *   the largest number of zero-sum subgroups; a subgroup of k settles in k - 1 transfers).
 * - Above that: a fast plan with at most n - 1 transfers (exact opposites first, then largest first).
 * - Deterministic (never depends on key order), every transfer amount > 0, sorted by (from, to).
 * - Stable (exact range): after any one suggested transfer is paid, the plan of the remaining balances
 *   (same members) is exactly the remaining suggestions. See `exactPlan` for why.
 *
 * Throws MONEY_NOT_INTEGER for a balance that is not a safe integer, BALANCES_NOT_ZERO when they do
 * not sum to 0.
 */
export function planSettlement(balances: Balances): Transfer[] {
  const ids = Object.keys(balances).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  let total = 0n
  let abs = 0
  const parties: Party[] = []
  ids.forEach((id, rank) => {
    const balance = balances[id]
    if (typeof balance !== 'number' || !Number.isSafeInteger(balance)) {
      throw new DomainError('MONEY_NOT_INTEGER', `The balance of ${id} must be a whole number of minor units.`, { member: id })
    }
    total += BigInt(balance)
    abs += Math.abs(balance)
    if (balance !== 0) parties.push({ id, rank, balance })
  })
  if (total !== 0n) {
    throw new DomainError('BALANCES_NOT_ZERO', `The balances add up to ${total}, not 0.`, { total: Number(total) })
  }
  if (!Number.isSafeInteger(abs)) throw new DomainError('MONEY_TOO_LARGE', 'The balances are too large to settle exactly.')
  const plan = parties.length <= EXACT_LIMIT ? exactPlan(parties, ids.length) : heuristicPlan(parties)
  return plan.sort(byPair)
}
