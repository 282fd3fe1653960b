/** Groups and members: membership checks, the version lock, and recording a change. */
import type { ActivityKind } from '../../src/api'
import { notMember } from '../errors'
import type { Queryable } from '../store/db'
import { toInt, toIso } from '../store/convert'

export interface GroupRow {
  id: string
  name: string
  currency: string
  emoji: string
  version: number
  created_at: string
}

export interface MemberRow {
  id: string
  group_id: string
  name: string
  user_id: string | null
  position: number
}

function groupRow(r: Record<string, unknown>): GroupRow {
  return {
    id: r.id as string,
    name: r.name as string,
    currency: r.currency as string,
    emoji: r.emoji as string,
    version: toInt(r.version),
    created_at: toIso(r.created_at)
  }
}

/**
 * The group and the caller's member in it; NOT_MEMBER when the group does not exist or the user is not in it
 * (the two are not told apart). With lock, the group row is locked FOR UPDATE until the transaction ends.
 */
export async function requireMember(q: Queryable, groupId: string, userId: string, opts: { lock?: boolean } = {}): Promise<{ group: GroupRow; me: MemberRow }> {
  const g = await q.query<Record<string, unknown>>(
    `SELECT id, name, currency, emoji, version, created_at FROM groups WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [groupId]
  )
  if (!g.rows[0]) throw notMember()
  const m = await q.query<MemberRow>('SELECT id, group_id, name, user_id, position FROM members WHERE group_id = $1 AND user_id = $2', [groupId, userId])
  if (!m.rows[0]) throw notMember()
  return { group: groupRow(g.rows[0]), me: m.rows[0] }
}

export async function lockGroup(q: Queryable, groupId: string): Promise<GroupRow | null> {
  const g = await q.query<Record<string, unknown>>('SELECT id, name, currency, emoji, version, created_at FROM groups WHERE id = $1 FOR UPDATE', [groupId])
  return g.rows[0] ? groupRow(g.rows[0]) : null
}

export async function listMembers(q: Queryable, groupId: string): Promise<MemberRow[]> {
  const res = await q.query<Record<string, unknown>>('SELECT id, group_id, name, user_id, position FROM members WHERE group_id = $1 ORDER BY position, id', [groupId])
  return res.rows.map((r) => ({ ...(r as unknown as MemberRow), position: toInt(r.position) }))
}

/**
 * Records one change to a locked group: bumps the version and writes the activity row for it, in the caller's
 * transaction. Returns the new version. (Invariant: a group's version equals its number of activity rows.)
 */
export async function recordChange(
  q: Queryable,
  group: GroupRow,
  actor: { memberId: string | null; name: string },
  kind: ActivityKind,
  data: Record<string, unknown>,
  now: Date
): Promise<number> {
  const version = group.version + 1
  await q.query('UPDATE groups SET version = $2 WHERE id = $1', [group.id, version])
  await q.query(
    'INSERT INTO activity (group_id, version, kind, actor_member, actor_name, data, at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)',
    [group.id, version, kind, actor.memberId, actor.name, JSON.stringify(data), now.toISOString()]
  )
  group.version = version
  return version
}

export async function nextPosition(q: Queryable, groupId: string): Promise<number> {
  const res = await q.query<{ n: unknown }>('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM members WHERE group_id = $1', [groupId])
  return toInt(res.rows[0].n)
}
