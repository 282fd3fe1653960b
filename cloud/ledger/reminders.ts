/** Reminders of suggested transfers: the last one of each transfer, and when the next may be sent. */
import { REMINDER_HOURS } from '../../src/api/messages'
import type { ReminderView } from '../../src/api/views'
import type { Queryable } from '../store/db'
import { toInt, toIso } from '../store/convert'

const REMINDER_GAP_MS = REMINDER_HOURS * 3600_000

/** The last reminder of every transfer (from, to) of the group that has one, with the reminder's name. */
export async function lastReminders(q: Queryable, groupId: string): Promise<ReminderView[]> {
  const res = await q.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (r.from_member, r.to_member) r.from_member, r.to_member, r.amount, r.by_member, m.name AS by_name, r.at
       FROM reminders r JOIN members m ON m.id = r.by_member
      WHERE r.group_id = $1
      ORDER BY r.from_member, r.to_member, r.at DESC`,
    [groupId]
  )
  return res.rows.map((r) => ({
    from: r.from_member as string,
    to: r.to_member as string,
    amount: toInt(r.amount),
    by: r.by_member as string,
    byName: r.by_name as string,
    at: toIso(r.at)
  }))
}

/** When the transfer may be reminded again (null: now). */
export function nextReminderAt(last: ReminderView | undefined, now: Date): string | null {
  if (!last) return null
  const next = new Date(last.at).getTime() + REMINDER_GAP_MS
  return next > now.getTime() ? new Date(next).toISOString() : null
}
