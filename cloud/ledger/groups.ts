/** Groups and members: membership checks, the version lock, and recording a change. */
import type { ActivityKind, MemberRole } from '../../src/api'
import { ApiError, notMember } from '../errors'
import type { Queryable, Statement } from '../store/db'
import { fromJson, toInt, toIso } from '../store/convert'

export interface GroupRow {
  id: string
  name: string
  currency: string
  emoji: string
  version: number
  created_at: string
  /** When the group was archived (read-only), or null. */
  archived_at?: string | null
}

export interface MemberRow {
  id: string
  group_id: string
  name: string
  user_id: string | null
  position: number
  role: MemberRole
  /** When the member left or was removed (kept for the record, no longer a member for anything new), or null. */
  left_at?: string | null
}

/** A groups row as read back from SQL (bigint version, timestamp created_at) to its plain shape. */
export function groupRow(r: Record<string, unknown>): GroupRow {
  return {
    id: r.id as string,
    name: r.name as string,
    currency: r.currency as string,
    emoji: r.emoji as string,
    version: toInt(r.version),
    created_at: toIso(r.created_at),
    archived_at: r.archived_at === null || r.archived_at === undefined ? null : toIso(r.archived_at)
  }
}

/** The group columns `groupRow` reads (prefix `g.` where the query joins). */
export const GROUP_COLS = 'id, name, currency, emoji, version, created_at, archived_at'
const G_COLS = GROUP_COLS.split(', ').map((c) => `g.${c}`).join(', ')

/** Who is in a group for a change of its balances: every member id (those who left too), and those who left. */
export interface Roster {
  ids: string[]
  /** The members who left, in member order. */
  left: { id: string; name: string }[]
}

export function rosterOf(members: MemberRow[]): Roster {
  return { ids: members.map((m) => m.id), left: members.filter((m) => m.left_at).map((m) => ({ id: m.id, name: m.name })) }
}

export interface MemberQueryOptions {
  lock?: boolean
  roster?: boolean
  archived?: 'allow'
}

/**
 * requireMember's one statement: the group (locked when asked), the caller's member row, and (when asked) the
 * roster. Actions whose first step it is name it as their `opening`, so it travels with BEGIN.
 */
export function memberQuery(groupId: string, userId: string, opts: MemberQueryOptions = {}): Statement {
  const roster = opts.roster
    ? `, (SELECT jsonb_build_object('ids', jsonb_agg(x.id ORDER BY x.position, x.id),
                                   'left', COALESCE(jsonb_agg(jsonb_build_object('id', x.id, 'name', x.name) ORDER BY x.position, x.id) FILTER (WHERE x.left_at IS NOT NULL), '[]'))
           FROM members x WHERE x.group_id = g.id) AS roster`
    : ''
  return {
    sql: `SELECT ${G_COLS}, m.id AS m_id, m.name AS m_name, m.position AS m_position, m.role AS m_role${roster}
            FROM groups g LEFT JOIN members m ON m.group_id = g.id AND m.user_id = $2 AND m.left_at IS NULL
           WHERE g.id = $1 AND g.deleted_at IS NULL${opts.lock ? ' FOR UPDATE OF g' : ''}`,
    params: [groupId, userId]
  }
}

/**
 * The group and the caller's member in it; NOT_MEMBER when the group does not exist, was deleted, or the user is
 * not in it (or left it): the cases are not told apart. With lock (every change goes through it), the group row is
 * locked FOR UPDATE until the transaction ends, and an archived group answers GROUP_ARCHIVED unless the change is
 * one an archived group allows (`archived: 'allow'`: restore, delete, leave). With roster, the group's roster too.
 */
export async function requireMember(
  q: Queryable,
  groupId: string,
  userId: string,
  opts: MemberQueryOptions = {}
): Promise<{ group: GroupRow; me: MemberRow; roster: Roster }> {
  const st = memberQuery(groupId, userId, opts)
  const res = await q.query<Record<string, unknown>>(st.sql, st.params)
  const row = res.rows[0]
  if (!row || row.m_id === null || row.m_id === undefined) throw notMember()
  const group = groupRow(row)
  if (opts.lock && group.archived_at && opts.archived !== 'allow') throw archived()
  return {
    group,
    me: { id: row.m_id as string, group_id: groupId, name: row.m_name as string, user_id: userId, position: toInt(row.m_position), role: row.m_role === 'organizer' ? 'organizer' : 'member' },
    roster: row.roster ? fromJson<Roster>(row.roster) : { ids: [], left: [] }
  }
}

/** VERSION_CONFLICT when the caller saw another version of the group than the one locked now. */
export function checkVersion(group: GroupRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== group.version) {
    throw new ApiError('VERSION_CONFLICT', `The group changed (version ${group.version}, you had ${expected}); reload and try again`, { version: group.version })
  }
}

/** GROUP_ARCHIVED: the group is read-only until its organizer restores it. */
export function archived(): ApiError {
  return new ApiError('GROUP_ARCHIVED', 'The group is archived: it is read-only until its organizer restores it')
}

/** The group row, locked; null when there is none (or it was deleted). */
export async function lockGroup(q: Queryable, groupId: string): Promise<GroupRow | null> {
  const g = await q.query<Record<string, unknown>>(`SELECT ${GROUP_COLS} FROM groups WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [groupId])
  return g.rows[0] ? groupRow(g.rows[0]) : null
}

/**
 * Where a user's groups are: their live membership ($1: the user id) of a group not deleted, as a FROM list (alias m
 * for members, g for groups) and its condition.
 */
export const MY_GROUPS = { from: 'members m JOIN groups g ON g.id = m.group_id AND g.deleted_at IS NULL', where: 'm.user_id = $1 AND m.left_at IS NULL' }

/** Every group `userId` is in, newest first, with their member id there (`me`): rows for `groupRow`. */
export async function myGroupRows(q: Queryable, userId: string): Promise<Array<Record<string, unknown>>> {
  const res = await q.query<Record<string, unknown>>(
    `SELECT ${G_COLS}, m.id AS me FROM ${MY_GROUPS.from} WHERE ${MY_GROUPS.where} ORDER BY g.created_at DESC, g.id DESC`,
    [userId]
  )
  return res.rows
}

export async function listMembers(q: Queryable, groupId: string): Promise<MemberRow[]> {
  const res = await q.query<Record<string, unknown>>('SELECT id, group_id, name, user_id, position, role, left_at FROM members WHERE group_id = $1 ORDER BY position, id', [groupId])
  return res.rows.map(memberRow)
}

export function memberRow(r: Record<string, unknown>): MemberRow {
  return { ...(r as unknown as MemberRow), position: toInt(r.position), left_at: r.left_at === null || r.left_at === undefined ? null : toIso(r.left_at) }
}

/** The actor of a change a member makes (for recordChange). */
export function byMember(m: { id: string; name: string }): { memberId: string; name: string } {
  return { memberId: m.id, name: m.name }
}

/**
 * Records one change to a locked group: bumps the version and writes the activity row for it, in the caller's
 * transaction, and returns the new version (the caller's group row is left as it was: a view of the group after
 * the change is built from `{ ...group, version }`). The version comes from the row itself, so two changes in one
 * transaction get two versions. (Invariant: a group's version equals its number of activity rows.)
 */
export async function recordChange(
  q: Queryable,
  group: Pick<GroupRow, 'id'>,
  actor: { memberId: string | null; name: string },
  kind: ActivityKind,
  data: Record<string, unknown>,
  now: Date
): Promise<number> {
  return (await recordChangeWith(q, group, actor, kind, data, now, null)).version
}

/** A data-modifying statement (`INSERT ... RETURNING ...`) with its parameters ($1, $2, ... of its own). */
export interface Write {
  sql: string
  params: unknown[]
}

/**
 * recordChange and the change's own write (`write`) in one statement, one round trip while the group is locked.
 * Returns the version and the first row the write returned (undefined when it returned none, e.g. ON CONFLICT DO
 * NOTHING: the caller refuses, and the transaction rolls the version back with it).
 */
export async function recordChangeWith(
  q: Queryable,
  group: Pick<GroupRow, 'id'>,
  actor: { memberId: string | null; name: string },
  kind: ActivityKind,
  data: Record<string, unknown>,
  now: Date,
  write: Write | null
): Promise<{ version: number; row: Record<string, unknown> | undefined }> {
  const params: unknown[] = [group.id, kind, actor.memberId, actor.name, JSON.stringify(data), now.toISOString()]
  const change = `bumped AS (UPDATE groups SET version = version + 1 WHERE id = $1 RETURNING id, version),
     logged AS (INSERT INTO activity (group_id, version, kind, actor_member, actor_name, data, at)
                SELECT id, version, $2, $3, $4, $5::jsonb, $6 FROM bumped RETURNING version)`
  let sql = `WITH ${change} SELECT version AS change_version FROM logged`
  if (write) {
    // the write's placeholders after this statement's own
    const shifted = write.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + params.length}`)
    sql = `WITH written AS (${shifted}), ${change} SELECT logged.version AS change_version, (SELECT count(*) FROM written) AS change_wrote, written.* FROM logged LEFT JOIN written ON true`
    params.push(...write.params)
  }
  const res = await q.query<Record<string, unknown>>(sql, params)
  const first = res.rows[0]
  if (!first) throw new Error(`recordChange: no group ${group.id}`)
  const { change_version, change_wrote, ...row } = first
  return { version: toInt(change_version), row: toInt(change_wrote ?? 0) > 0 ? row : undefined }
}

export async function nextPosition(q: Queryable, groupId: string): Promise<number> {
  const res = await q.query<{ n: unknown }>('SELECT COALESCE(MAX(position), -1) + 1 AS n FROM members WHERE group_id = $1', [groupId])
  return toInt(res.rows[0].n)
}
