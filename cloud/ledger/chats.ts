/** The WeChat chats a group is linked to (group_chats). */
import type { Queryable } from '../store/db'
import { toInt } from '../store/convert'

export async function chatCount(q: Queryable, groupId: string): Promise<number> {
  const res = await q.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM group_chats WHERE group_id = $1', [groupId])
  return toInt(res.rows[0]?.n ?? 0)
}
