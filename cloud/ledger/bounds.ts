/**
 * The one door for a change of a group's balances. Every action that moves them (an expense added, edited or
 * deleted; a payment recorded as confirmed or confirmed later) describes its change here before it writes:
 * - a change after which the group would leave the domain's limits is refused (GROUP_BALANCE_LIMIT), so no sequence
 *   of accepted writes can make a read of the group fail; so is an expense past MAX_EXPENSES_PER_GROUP;
 * - once the action commits (it bumps the version by exactly one), the cached state moves forward by the same
 *   change instead of being recomputed from every expense.
 */
import { checkGroupBounds, computeBalances, type Expense, type Payment } from '../../src/domain'
import type { Config } from '../config'
import { ApiError } from '../errors'
import type { Queryable } from '../store/db'
import type { CacheView, StateDelta } from './cache'
import type { GroupRow, Roster } from './groups'
import { checkExpenseQuota } from './quotas'
import { deriveState, spentOn } from './state'

export interface LedgerChange {
  added?: Expense[]
  removed?: Expense[]
  /** Payments that count from now on (confirmed). */
  payments?: Payment[]
}

export function deltaOf(memberIds: string[], currency: string, change: LedgerChange): StateDelta {
  const added = change.added ?? []
  const removed = change.removed ?? []
  const plus = computeBalances({ members: memberIds, expenses: added, payments: change.payments ?? [], currency })
  const minus = computeBalances({ members: memberIds, expenses: removed, payments: [], currency })
  const balances: Record<string, number> = {}
  for (const m of memberIds) {
    const v = (plus[m] ?? 0) - (minus[m] ?? 0)
    if (v !== 0) balances[m] = v
  }
  return { balances, expenseCount: added.length - removed.length, totalSpent: spentOn(added, currency) - spentOn(removed, currency) }
}

/**
 * MEMBER_LEFT when the change would move the balance of a member who left: they left at zero, and nothing done after
 * (a new expense, an edit or deletion of an old one, a payment) may make them owe or be owed again.
 */
export function checkLeftMembers(left: Roster['left'], moved: Record<string, number>): void {
  const first = left.find((m) => moved[m.id] !== undefined)
  if (first) throw new ApiError('MEMBER_LEFT', `${first.name} left the group: this would change what they owe`, { memberId: first.id, name: first.name })
}

/** Checks `change` against the limits (before the action writes) and schedules the cache to move forward by it. */
export async function changeBalances(
  ctx: { q: Queryable; cache: CacheView; config: Config },
  group: GroupRow,
  roster: Roster,
  change: LedgerChange
): Promise<void> {
  const delta = deltaOf(roster.ids, group.currency, change)
  checkLeftMembers(roster.left, delta.balances)
  const state = await deriveState(ctx.q, ctx.cache, group)
  const balances = { ...state.balances }
  for (const [m, v] of Object.entries(delta.balances)) balances[m] = (balances[m] ?? 0) + v
  checkGroupBounds(balances, state.totalSpent + delta.totalSpent)
  if (delta.expenseCount > 0) checkExpenseQuota(ctx.config, state.expenseCount + delta.expenseCount)
  ctx.cache.advance(group.id, group.version, group.version + 1, delta)
}
