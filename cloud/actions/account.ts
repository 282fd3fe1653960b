/**
 * A person's rights over their data (PIPL): exportMyData (a copy of everything the function holds about me) and
 * deleteAccount (erase me, keep every group's ledger whole).
 *
 * What deletion keeps, and why: my member row in each group stays, because other people's expenses and payments
 * name it (and their balances are computed from them); it becomes an anonymous placeholder ('已注销用户', user_id
 * NULL, left, members.erased_at set) that nobody can claim, rename or join as. The user row is deleted, so every
 * session of mine stops at once (a token's user must exist) and signing in again with the same WeChat / Alipay
 * account makes a new, empty user. The columns that must name a user (groups.created_by, pay_transfers.created_by,
 * group_chats.linked_by) are re-pointed at a tombstone user made for this deletion (provider 'deleted', random id
 * and subject, name '已注销用户', no profile) rather than made nullable: the rest of the code keeps its NOT NULL
 * invariants, and one tombstone per deletion links nothing across deleted accounts.
 */
import { randomBytes } from 'node:crypto'
import { coreActions as api } from '../../src/api/actions'
import { splitExpense } from '../../src/domain'
import { ApiError } from '../errors'
import { EXPENSE_COLS, expenseRow, expenseView } from '../ledger/expenses'
import { groupRow, listMembers, recordChange, type GroupRow } from '../ledger/groups'
import { newId } from '../ledger/ids'
import { PAYMENT_COLS, paymentView } from '../ledger/payments'
import { deriveState } from '../ledger/state'
import { avatarPath } from '../ledger/users'
import type { Queryable } from '../store/db'
import { fromJson, toInt, toIso, toIsoOrNull } from '../store/convert'
import { defineAction, type ActionContext } from './types'

/** The name an erased person's member, and the tombstone user, carry. */
export const ERASED_NAME = '已注销用户'

interface MyMember {
  id: string
  group_id: string
  name: string
  role: 'organizer' | 'member'
  created_at: string
  left_at: string | null
}

async function myMembers(q: Queryable, userId: string): Promise<MyMember[]> {
  const res = await q.query<Record<string, unknown>>('SELECT id, group_id, name, role, created_at, left_at FROM members WHERE user_id = $1 ORDER BY created_at, id', [userId])
  return res.rows.map((r) => ({
    id: r.id as string,
    group_id: r.group_id as string,
    name: r.name as string,
    role: r.role === 'organizer' ? 'organizer' : 'member',
    created_at: toIso(r.created_at),
    left_at: toIsoOrNull(r.left_at)
  }))
}

type GroupWithDeletion = GroupRow & { deleted_at: string | null }

async function groupsById(q: Queryable, ids: string[], lock: boolean): Promise<Map<string, GroupWithDeletion>> {
  if (ids.length === 0) return new Map()
  // locked in id order: two deletions (or a deletion and a one-group change) never wait on each other in a circle
  const res = await q.query<Record<string, unknown>>(
    `SELECT id, name, currency, emoji, version, created_at, archived_at, deleted_at FROM groups WHERE id = ANY($1::text[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [ids]
  )
  return new Map(res.rows.map((r) => [r.id as string, { ...groupRow(r), deleted_at: toIsoOrNull(r.deleted_at) }]))
}

// --- export --------------------------------------------------------------------------------------------------

async function exportOf(ctx: ActionContext & { user: { id: string } }) {
  const q = ctx.q
  const u = (
    await q.query<Record<string, unknown>>(
      'SELECT id, provider, subject, name, wallet, qr_image, locale, name_chosen, avatar, avatar_key, notify_prefs, created_at FROM users WHERE id = $1',
      [ctx.user.id]
    )
  ).rows[0]
  if (!u) throw new ApiError('UNAUTHENTICATED', 'Your account no longer exists')
  const mine = await myMembers(q, ctx.user.id)
  const memberIds = mine.map((m) => m.id)
  const byGroup = new Map(mine.map((m) => [m.group_id, m]))
  const groups = await groupsById(q, [...byGroup.keys()], false)

  const memberships = []
  for (const m of mine) {
    const g = groups.get(m.group_id)!
    const members = await listMembers(q, g.id)
    const balance = (await deriveState(q, ctx.cache, g, members)).balances[m.id] ?? 0
    memberships.push({
      groupId: g.id,
      groupName: g.name,
      emoji: g.emoji,
      currency: g.currency,
      memberId: m.id,
      memberName: m.name,
      role: m.role,
      joinedAt: m.created_at,
      leftAt: m.left_at,
      archived: Boolean(g.archived_at),
      deleted: g.deleted_at !== null,
      balance,
      members: members.map((x) => ({ memberId: x.id, name: x.name }))
    })
  }

  const expenses = []
  if (mine.length > 0) {
    const res = await q.query<Record<string, unknown>>(`SELECT ${EXPENSE_COLS} FROM expenses WHERE group_id = ANY($1::text[]) ORDER BY date, seq`, [[...byGroup.keys()]])
    for (const r of res.rows.map(expenseRow)) {
      const me = byGroup.get(r.group_id)!.id
      const currency = groups.get(r.group_id)!.currency
      const shares = splitExpense(r.expense, currency)
      const paid = r.expense.paidBy[me]
      if (paid === undefined && shares[me] === undefined) continue
      expenses.push({ ...expenseView(r, currency, shares), currency, myPaid: paid ?? 0, myShare: shares[me] ?? 0, deletedAt: r.deleted_at })
    }
  }

  const payments = []
  const transfers = []
  if (memberIds.length > 0) {
    const pay = await q.query<Record<string, unknown>>(
      `SELECT ${PAYMENT_COLS} FROM payments WHERE from_member = ANY($1::text[]) OR to_member = ANY($1::text[]) ORDER BY seq`,
      [memberIds]
    )
    for (const r of pay.rows) {
      const p = paymentView(r)
      payments.push({ ...p, groupId: r.group_id as string, currency: groups.get(r.group_id as string)!.currency, direction: memberIds.includes(p.from) ? ('sent' as const) : ('received' as const) })
    }
    const tr = await q.query<Record<string, unknown>>(
      `SELECT t.id, t.group_id, t.from_member, t.to_member, t.amount, t.currency, t.channel, t.state, t.created_at, t.updated_at, p.state AS payout_state
         FROM pay_transfers t LEFT JOIN pay_payouts p ON p.transfer_id = t.id
        WHERE t.from_member = ANY($1::text[]) OR t.to_member = ANY($1::text[]) ORDER BY t.created_at, t.id`,
      [memberIds]
    )
    for (const r of tr.rows) {
      transfers.push({
        id: r.id as string,
        groupId: r.group_id as string,
        from: r.from_member as string,
        to: r.to_member as string,
        direction: memberIds.includes(r.from_member as string) ? ('sent' as const) : ('received' as const),
        amount: toInt(r.amount),
        currency: r.currency as string,
        channel: r.channel as string,
        state: r.state as 'pending',
        payoutState: (r.payout_state as 'queued' | null) ?? null,
        createdAt: toIso(r.created_at),
        updatedAt: toIso(r.updated_at)
      })
    }
  }

  const consents = await q.query<Record<string, unknown>>('SELECT kind, state, credits, updated_at FROM message_consents WHERE user_id = $1 ORDER BY kind', [ctx.user.id])
  const outbox = await q.query<Record<string, unknown>>('SELECT kind, state, created_at, sent_at, payload FROM message_outbox WHERE user_id = $1 ORDER BY id', [ctx.user.id])
  const reads = await q.query<Record<string, unknown>>('SELECT group_id, version FROM group_reads WHERE user_id = $1 ORDER BY group_id', [ctx.user.id])
  const chats = await q.query<Record<string, unknown>>('SELECT group_id, created_at FROM group_chats WHERE linked_by = $1 ORDER BY created_at, group_id', [ctx.user.id])
  const avatar = u.avatar_key && u.avatar ? { path: avatarPath(u.avatar_key as string)!, dataUrl: u.avatar as string } : null

  return {
    exportedAt: ctx.now.toISOString(),
    user: {
      id: u.id as string,
      provider: u.provider as string,
      subject: u.subject as string,
      name: u.name as string,
      wallet: u.wallet as 'cash',
      locale: u.locale as 'zh-CN',
      nameChosen: u.name_chosen as boolean,
      createdAt: toIso(u.created_at),
      notifyPrefs: fromJson<Record<string, unknown>>(u.notify_prefs) ?? {}
    },
    images: { qrImage: (u.qr_image as string | null) ?? null, avatar },
    memberships,
    expenses,
    payments,
    transfers,
    messageConsents: consents.rows.map((c) => ({ kind: c.kind as string, state: c.state as 'accept', credits: toInt(c.credits), updatedAt: toIso(c.updated_at) })),
    messages: outbox.rows.map((m) => ({
      kind: m.kind as string,
      state: m.state as string,
      createdAt: toIso(m.created_at),
      sentAt: toIsoOrNull(m.sent_at),
      payload: fromJson<Record<string, unknown>>(m.payload)
    })),
    reads: reads.rows.map((r) => ({ groupId: r.group_id as string, version: toInt(r.version) })),
    chats: chats.rows.map((r) => ({ groupId: r.group_id as string, linkedAt: toIso(r.created_at) }))
  }
}

// --- deletion ------------------------------------------------------------------------------------------------

interface Erasure {
  userId: string
  members: Set<string>
  /** Names that were mine (my user name, my members' names now and before); none that another member has now. */
  names: Set<string>
}

/**
 * `value` (stored JSON: activity data, another person's stored answer, a queued message) with me taken out: my user
 * id becomes null; my names, and the name (and avatar, QR flag, wallet) of anything that is my member or my user,
 * become ERASED_NAME. Returns the same object when nothing changed.
 */
export function scrubJson(value: unknown, e: Erasure): unknown {
  if (typeof value === 'string') return value === e.userId ? null : e.names.has(value) ? ERASED_NAME : value
  if (Array.isArray(value)) {
    const out = value.map((v) => scrubJson(v, e))
    return out.some((v, i) => v !== value[i]) ? out : value
  }
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  let changed = false
  for (const [k, v] of Object.entries(obj)) {
    out[k] = scrubJson(v, e)
    if (out[k] !== v) changed = true
  }
  const isMe = obj.userId === e.userId || (typeof obj.id === 'string' && e.members.has(obj.id)) || (typeof obj.memberId === 'string' && e.members.has(obj.memberId))
  const set = (k: string, v: unknown) => {
    if (k in out && out[k] !== v) {
      out[k] = v
      changed = true
    }
  }
  if (isMe) {
    set('name', ERASED_NAME)
    set('userName', ERASED_NAME)
    set('avatar', null)
    set('hasQr', false)
    set('wallet', null)
    for (const side of ['before', 'after']) {
      const s = out[side]
      if (s && typeof s === 'object' && 'name' in s && (s as { name: unknown }).name !== ERASED_NAME) {
        out[side] = { ...(s as object), name: ERASED_NAME }
        changed = true
      }
    }
  }
  // a reminder by me names me as byName
  if (typeof obj.by === 'string' && e.members.has(obj.by)) set('byName', ERASED_NAME)
  return changed ? out : value
}

/** Rewrites the JSON column `col` of the rows of `table` that mention me (found by text), keyed by `key`. */
async function scrubColumn(q: Queryable, e: Erasure, table: string, key: string[], col: string, where: string, params: unknown[]): Promise<void> {
  const needles = [e.userId, ...e.members, ...e.names]
  const n = params.length + 1
  const res = await q.query<Record<string, unknown>>(
    `SELECT ${key.join(', ')}, ${col} AS v FROM ${table} WHERE ${where} AND ${col} IS NOT NULL AND EXISTS (SELECT 1 FROM unnest($${n}::text[]) s WHERE strpos(${col}::text, s) > 0)`,
    [...params, needles]
  )
  for (const row of res.rows) {
    const before = fromJson<unknown>(row.v)
    const after = scrubJson(before, e)
    if (after === before) continue
    const cond = key.map((k, i) => `${k} = $${i + 2}`).join(' AND ')
    await q.query(`UPDATE ${table} SET ${col} = $1::jsonb WHERE ${cond}`, [JSON.stringify(after), ...key.map((k) => row[k])])
  }
}

/** ACCOUNT_PAYMENT_IN_PROGRESS unless no payment involving `memberIds` is on its way. */
async function checkNothingInProgress(q: Queryable, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return
  const res = await q.query<{ group_id: string; kind: 'payment' | 'transfer' | 'payout'; id: string; state: string }>(
    `SELECT group_id, 'payment' AS kind, id, status AS state FROM payments
      WHERE status = 'pending' AND (from_member = ANY($1::text[]) OR to_member = ANY($1::text[]))
     UNION ALL
     SELECT group_id, 'transfer', id, state FROM pay_transfers
      WHERE state IN ('pending', 'paying', 'paid', 'payout_pending') AND (from_member = ANY($1::text[]) OR to_member = ANY($1::text[]))
     UNION ALL
     SELECT t.group_id, 'payout', p.id, p.state FROM pay_payouts p JOIN pay_transfers t ON t.id = p.transfer_id
      WHERE p.state IN ('queued', 'sending', 'processing', 'wait_user_confirm') AND (t.from_member = ANY($1::text[]) OR t.to_member = ANY($1::text[]))
     ORDER BY 1, 2, 3`,
    [memberIds]
  )
  if (res.rows.length > 0) {
    const items = res.rows.map((r) => ({ groupId: r.group_id, kind: r.kind, id: r.id, state: r.state }))
    throw new ApiError('ACCOUNT_PAYMENT_IN_PROGRESS', `${items.length} payment(s) involving you are not finished: wait for them, or withdraw them, first`, { items })
  }
}

/** ACCOUNT_HAS_BALANCE unless every member of mine in a group not deleted is at zero. */
async function checkNoBalance(ctx: ActionContext, mine: MyMember[], groups: Map<string, GroupWithDeletion>): Promise<void> {
  const open = []
  for (const m of mine) {
    const g = groups.get(m.group_id)
    if (!g || g.deleted_at) continue
    const balance = (await deriveState(ctx.q, ctx.cache, g)).balances[m.id] ?? 0
    if (balance !== 0) open.push({ groupId: g.id, groupName: g.name, memberId: m.id, balance, currency: g.currency })
  }
  if (open.length > 0) {
    throw new ApiError('ACCOUNT_HAS_BALANCE', `You still owe or are owed in ${open.length} group(s): settle up first`, { groups: open })
  }
}

async function deleteAccount(ctx: ActionContext & { user: { id: string; provider: string; subject: string; name: string } }) {
  const q = ctx.q
  const now = ctx.now.toISOString()
  const me = ctx.user
  // my row first: a second deletion (another client id) waits here, then finds no user
  const still = await q.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [me.id])
  if (still.rows.length === 0) throw new ApiError('UNAUTHENTICATED', 'Your account no longer exists')
  let mine = await myMembers(q, me.id)
  const groups = await groupsById(q, [...new Set(mine.map((m) => m.group_id))], true)
  // read again under the groups' locks (nothing of mine changes in them now)
  mine = (await myMembers(q, me.id)).filter((m) => groups.has(m.group_id))
  const memberIds = mine.map((m) => m.id)

  // the refusals, before anything is written (the transaction rolls back anyway)
  await checkNothingInProgress(q, memberIds)
  await checkNoBalance(ctx, mine, groups)

  // the names that were mine: now, in my groups' history (under my member), minus any name another member has now
  const names = new Set<string>([me.name, ...mine.map((m) => m.name)])
  if (memberIds.length > 0) {
    const used = await q.query<{ n: string | null }>(
      `SELECT actor_name AS n FROM activity WHERE actor_member = ANY($1::text[])
       UNION SELECT data ->> 'name' FROM activity WHERE data ->> 'memberId' = ANY($1::text[])
       UNION SELECT data ->> 'userName' FROM activity WHERE data ->> 'memberId' = ANY($1::text[])
       UNION SELECT data -> 'before' ->> 'name' FROM activity WHERE data ->> 'memberId' = ANY($1::text[])
       UNION SELECT data -> 'after' ->> 'name' FROM activity WHERE data ->> 'memberId' = ANY($1::text[])`,
      [memberIds]
    )
    for (const r of used.rows) if (r.n) names.add(r.n)
    const others = await q.query<{ name: string }>('SELECT DISTINCT name FROM members WHERE group_id = ANY($1::text[]) AND NOT (id = ANY($2::text[]))', [[...groups.keys()], memberIds])
    for (const r of others.rows) names.delete(r.name)
  }
  names.delete(ERASED_NAME)
  const erasure: Erasure = { userId: me.id, members: new Set(memberIds), names }

  // what must name a user names the tombstone of this deletion
  const tombstone = newId('u')
  await q.query(
    `INSERT INTO users (id, provider, subject, name, wallet, locale, name_chosen, created_at) VALUES ($1, 'deleted', $2, $3, 'cash', 'zh-CN', true, $4)`,
    [tombstone, randomBytes(16).toString('hex'), ERASED_NAME, now]
  )
  await q.query('UPDATE groups SET created_by = $2 WHERE created_by = $1', [me.id, tombstone])
  await q.query('UPDATE pay_transfers SET created_by = $2 WHERE created_by = $1', [me.id, tombstone])
  await q.query('UPDATE group_chats SET linked_by = $2 WHERE linked_by = $1', [me.id, tombstone])

  // my members: anonymous placeholders, left, never to be claimed
  if (memberIds.length > 0) {
    await q.query(
      `UPDATE members SET user_id = NULL, name = $2, role = 'member', left_at = COALESCE(left_at, $3), erased_at = $3 WHERE id = ANY($1::text[])`,
      [memberIds, ERASED_NAME, now]
    )
  }

  let anonymized = 0
  let deleted = 0
  for (const m of mine) {
    const g = groups.get(m.group_id)!
    const actor = { memberId: m.id, name: ERASED_NAME }
    if (g.deleted_at) continue
    if (m.left_at) {
      // a group I had left: my name goes from its members and history; the version moves so every copy reloads
      await recordChange(q, g, actor, 'member.leave', { memberId: m.id, name: ERASED_NAME, organizer: null, erased: true }, ctx.now)
      anonymized++
      continue
    }
    const stay = (await listMembers(q, g.id)).filter((x) => x.user_id !== null && !x.left_at)
    if (stay.length === 0) {
      // nobody who joined is left: the group is deleted as deleteGroup deletes one (rows kept for the record)
      await q.query('UPDATE groups SET deleted_at = $2 WHERE id = $1', [g.id, now])
      await q.query('UPDATE invites SET revoked_at = $2 WHERE group_id = $1 AND revoked_at IS NULL', [g.id, now])
      await recordChange(q, g, actor, 'group.delete', { before: { deleted: false }, after: { deleted: true }, reason: 'account-deleted' }, ctx.now)
      deleted++
      continue
    }
    // the organizer's role goes to the member who joined first among those who stay (as leaveGroup does)
    const heir = m.role === 'organizer' ? stay[0]! : null
    if (heir) await q.query("UPDATE members SET role = 'organizer' WHERE id = $1", [heir.id])
    await recordChange(q, g, actor, 'member.leave', { memberId: m.id, name: ERASED_NAME, organizer: heir?.id ?? null, erased: true }, ctx.now)
    anonymized++
  }

  // my names out of the history, other people's stored answers and their queued messages
  const groupIds = [...groups.keys()]
  if (memberIds.length > 0) {
    await q.query('UPDATE activity SET actor_name = $2 WHERE actor_member = ANY($1::text[])', [memberIds, ERASED_NAME])
    await q.query('UPDATE activity SET actor_name = $3 WHERE group_id = ANY($1::text[]) AND actor_member IS NULL AND actor_name = ANY($2::text[])', [groupIds, [...names], ERASED_NAME])
    await scrubColumn(q, erasure, 'activity', ['seq'], 'data', 'group_id = ANY($1::text[])', [groupIds])
  }
  await scrubColumn(q, erasure, 'idempotency', ['user_id', 'client_id'], 'result', 'user_id <> $1', [me.id])
  await scrubColumn(q, erasure, 'message_outbox', ['id'], 'payload', 'user_id <> $1', [me.id])

  // everything keyed by me, then me
  await q.query('DELETE FROM message_consents WHERE user_id = $1', [me.id])
  await q.query('DELETE FROM message_outbox WHERE user_id = $1', [me.id])
  await q.query('DELETE FROM group_reads WHERE user_id = $1', [me.id])
  await q.query('DELETE FROM idempotency WHERE user_id = $1', [me.id])
  await q.query('DELETE FROM rate_limits WHERE key = ANY($1::text[])', [[`u:${me.id}`, `${me.provider}:${me.subject}`]])
  await q.query('DELETE FROM users WHERE id = $1', [me.id])

  return { deleted: true as const, deletedAt: now, groups: { anonymized, deleted } }
}

export const accountActions = [
  defineAction('exportMyData', api.exportMyData, {}, async (ctx) => exportOf(ctx)),
  defineAction('deleteAccount', api.deleteAccount, { mutation: true, erasesCaller: true }, async (ctx) => deleteAccount(ctx))
]
