import { DomainError } from '../errors'
import type { Balances, Transfer } from '../types'
import { EXACT_LIMIT, exactPlan } from './exact'
import { heuristicPlan } from './heuristic'
import type { Party } from './types'

export { EXACT_LIMIT } from './exact'
export { continuePlan, type KeptPlan } from './continue'

/**
 * How a plan was found:
 * - `canonical`: the minimum number of transfers, and the unique best such plan, so stable by itself (paying
 *   any suggested transfer leaves exactly the other suggestions as the plan of the new balances);
 * - `minimum`: the minimum number of transfers, but the search for the canonical one ran out of work;
 * - `heuristic`: above {@link EXACT_LIMIT} members with a balance (or the exact count ran out of work): at most
 *   n - 1 transfers and never more than largest-first greedy.
 * Only `canonical` plans are stable by themselves; the cloud function keeps every plan while it is being paid
 * ({@link continuePlan}), so users see a stable plan whatever its kind.
 */
export type PlanKind = 'canonical' | 'minimum' | 'heuristic'

export interface SettlementPlan {
  transfers: Transfer[]
  kind: PlanKind
}

const byPair = (a: Transfer, b: Transfer): number =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0

/**
 * Who should pay whom to settle `balances` (as {@link computeBalances} returns them: every member,
 * zeros included, summing to 0).
 *
 * - Up to 32 members with a non-zero balance: the minimum number of transfers (the members split into
 *   the largest number of zero-sum subgroups; a subgroup of k settles in k - 1 transfers), and among the
 *   minimum plans the canonical one (see `exact.ts`), within a fixed amount of work.
 * - Above that: a fast plan with at most n - 1 transfers, never more than largest-first greedy.
 * - Deterministic (never depends on key order or on the machine), every transfer amount > 0, sorted by (from, to).
 *
 * Throws MONEY_NOT_INTEGER for a balance that is not a safe integer, BALANCES_NOT_ZERO when they do
 * not sum to 0.
 */
export function planSettlementWithKind(balances: Balances): SettlementPlan {
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
  const exact = parties.length <= EXACT_LIMIT ? exactPlan(parties, ids.length) : null
  const plan: SettlementPlan = exact
    ? { transfers: exact.transfers, kind: exact.canonical ? 'canonical' : 'minimum' }
    : { transfers: heuristicPlan(parties), kind: 'heuristic' }
  plan.transfers.sort(byPair)
  return plan
}

/** The transfers of {@link planSettlementWithKind}. */
export function planSettlement(balances: Balances): Transfer[] {
  return planSettlementWithKind(balances).transfers
}
