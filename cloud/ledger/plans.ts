/**
 * The plan a group is shown, kept while it is being paid. Each read at a new version continues the stored plan
 * (`continuePlan`: the suggestions not yet paid, exactly) when the balances moved only by paying suggestions,
 * and otherwise asks the domain for a new plan. The result is stored with the version, so every instance of
 * the function shows the same plan, and a plan that needed the fallback of the exact search (or the heuristic
 * above 32 members with a balance) is as stable as the canonical one.
 */
import { continuePlan, planSettlement, type Balances, type Transfer } from '../../src/domain'
import type { Queryable } from '../store/db'
import { toInt } from '../store/convert'
import type { GroupRow } from './groups'

export async function keptPlan(q: Queryable, group: GroupRow, balances: Balances): Promise<Transfer[]> {
  const res = await q.query<{ version: unknown; balances: Balances; transfers: Transfer[] }>(
    'SELECT version, balances, transfers FROM group_plans WHERE group_id = $1',
    [group.id]
  )
  const stored = res.rows[0]
  if (stored && toInt(stored.version) === group.version) return stored.transfers
  const transfers = (stored && continuePlan(stored, balances)) ?? planSettlement(balances)
  // A newer plan stored by another request wins (its version is higher); a concurrent store of the same
  // version ends this snapshot's transaction with a serialization error, and the retry reads that plan.
  await q.query(
    `INSERT INTO group_plans (group_id, version, balances, transfers) VALUES ($1, $2, $3::jsonb, $4::jsonb)
     ON CONFLICT (group_id) DO UPDATE SET version = EXCLUDED.version, balances = EXCLUDED.balances, transfers = EXCLUDED.transfers
     WHERE group_plans.version < EXCLUDED.version`,
    [group.id, group.version, JSON.stringify(balances), JSON.stringify(transfers)]
  )
  return transfers
}
