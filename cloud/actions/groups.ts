/**
 * Groups: createGroup, listGroups (cursor pages through all, with my totals), listPeople, getGroup, addMember (a
 * placeholder by name), updateGroup (name, emoji, currency), renameMember (a placeholder), handOverOrganizer.
 */
import { coreActions as api } from '../../src/api/actions'
import { decodeCursor, encodeCursor } from '../ledger/cursor'
import { newId } from '../ledger/ids'
import { checkGroupQuota, checkGroupSize, checkMemberQuota } from '../ledger/quotas'
import { byMember, checkVersion, groupRow, MY_GROUPS, myGroupRows, nextPosition, recordChange, requireMember, type GroupRow, type MemberRow } from '../ledger/groups'
import { peopleOf } from '../ledger/people'
import { catchUpGroup } from '../ledger/recurring'
import { buildGroupView, deriveState, memberView } from '../ledger/state'
import { toInt } from '../store/convert'
import type { CurrencyTotals } from '../../src/api/actions'
import { ApiError } from '../errors'
import { defineAction, type ActionContext } from './types'

/**
 * My balance in every group I am in, added up per currency, never converted (each group's balances are cached per
 * version). `groups` counts the groups behind the figures: those where I owe or am owed.
 */
async function myTotals(ctx: ActionContext & { user: { id: string } }): Promise<CurrencyTotals[]> {
  const byCurrency = new Map<string, CurrencyTotals>()
  for (const r of await myGroupRows(ctx.q, ctx.user.id)) {
    const group = groupRow(r)
    const balance = (await deriveState(ctx.q, ctx.cache, group)).balances[r.me as string] ?? 0
    if (balance === 0) continue
    const t = byCurrency.get(group.currency) ?? { currency: group.currency, owe: 0, owed: 0, groups: 0 }
    if (balance < 0) t.owe -= balance
    else t.owed += balance
    t.groups++
    byCurrency.set(group.currency, t)
  }
  // the currency of most groups first (amounts of different currencies are not compared)
  return [...byCurrency.values()].sort((a, b) => b.groups - a.groups || (a.currency < b.currency ? -1 : 1))
}

export const groupActions = [
  defineAction('createGroup', api.createGroup, { mutation: true }, async (ctx, input) => {
    await checkGroupQuota(ctx.q, ctx.config, ctx.user.id)
    checkGroupSize(ctx.config, 1 + input.placeholders.length)
    const groupId = newId('g')
    const now = ctx.now.toISOString()
    await ctx.q.query('INSERT INTO groups (id, name, currency, emoji, version, created_by, created_at) VALUES ($1, $2, $3, $4, 0, $5, $6)', [
      groupId,
      input.name,
      input.currency,
      input.emoji,
      ctx.user.id,
      now
    ])
    const meId = newId('m')
    // The creator is the group's organizer.
    await ctx.q.query("INSERT INTO members (id, group_id, name, user_id, position, created_at, role) VALUES ($1, $2, $3, $4, 0, $5, 'organizer')", [meId, groupId, ctx.user.name, ctx.user.id, now])
    const placeholders: { id: string; name: string }[] = []
    for (const [i, name] of input.placeholders.entries()) {
      const id = newId('m')
      await ctx.q.query('INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, $2, $3, NULL, $4, $5)', [id, groupId, name, i + 1, now])
      placeholders.push({ id, name })
    }
    const group: GroupRow = { id: groupId, name: input.name, currency: input.currency, emoji: input.emoji, version: 0, created_at: now }
    const version = await recordChange(ctx.q, group, { memberId: meId, name: ctx.user.name }, 'group.create', { name: input.name, currency: input.currency, placeholders }, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, { ...group, version }, meId) }
  }),

  defineAction('listGroups', api.listGroups, {}, async (ctx, input) => {
    // Newest first, keyset-paged on (created_at, id); the cursor carries created_at in whole microseconds since
    // the epoch (PostgreSQL's own precision), so nothing is lost on the way back in.
    const after = input.cursor ? decodeCursor(input.cursor, ['number', 'string']) : null
    const params: unknown[] = [ctx.user.id, input.limit + 1]
    let where = 'true'
    if (after) {
      params.push(after[0], after[1])
      where += " AND (g.created_at, g.id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4)"
    }
    const res = await ctx.q.query<Record<string, unknown>>(
      `SELECT g.id, g.name, g.currency, g.emoji, g.version, g.created_at, g.archived_at, (extract(epoch FROM g.created_at) * 1000000)::bigint AS created_key, m.id AS me,
              (SELECT COUNT(*) FROM members x WHERE x.group_id = g.id AND x.left_at IS NULL) AS member_count,
              COALESCE(r.version, 0) AS seen,
              EXISTS (SELECT 1 FROM activity a WHERE a.group_id = g.id AND a.version > COALESCE(r.version, 0) AND a.actor_member IS DISTINCT FROM m.id) AS unread
         FROM ${MY_GROUPS.from} LEFT JOIN group_reads r ON r.group_id = g.id AND r.user_id = m.user_id
        WHERE ${MY_GROUPS.where} AND ${where}
        ORDER BY g.created_at DESC, g.id DESC
        LIMIT $2`,
      params
    )
    const page = res.rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const nextCursor = res.rows.length > input.limit && last ? encodeCursor([toInt(last.created_key), last.id as string]) : null
    const items = []
    for (const r of page) {
      const group = groupRow(r)
      const state = await deriveState(ctx.q, ctx.cache, group)
      items.push({
        id: group.id,
        name: group.name,
        currency: group.currency,
        emoji: group.emoji,
        version: group.version,
        me: r.me as string,
        memberCount: toInt(r.member_count),
        myBalance: state.balances[r.me as string] ?? 0,
        createdAt: group.created_at,
        archived: Boolean(group.archived_at),
        unread: r.unread === true,
        seenVersion: toInt(r.seen)
      })
    }
    return { items, nextCursor, ...(after ? {} : { totals: await myTotals(ctx) }) }
  }),

  defineAction('listPeople', api.listPeople, {}, async (ctx) => ({ people: await peopleOf(ctx.q, ctx.cache, ctx.user.id) })),

  defineAction('getGroup', api.getGroup, {}, async (ctx, input) => {
    const { group: read, me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    // a group opened after a pause first makes its recurring expenses that came due meanwhile
    const { group, next } = await catchUpGroup(ctx, read)
    return { group: { ...(await buildGroupView(ctx.q, ctx.cache, group, me.id)), nextRecurring: next } }
  }),

  defineAction('addMember', api.addMember, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    await checkMemberQuota(ctx.q, ctx.config, group.id, 1)
    const id = newId('m')
    await ctx.q.query('INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, $2, $3, NULL, $4, $5)', [
      id,
      group.id,
      input.name,
      await nextPosition(ctx.q, group.id),
      ctx.now.toISOString()
    ])
    const version = await recordChange(ctx.q, group, byMember(me), 'member.add', { memberId: id, name: input.name }, ctx.now)
    return { member: memberView({ id, group_id: group.id, name: input.name, user_id: null, position: 0, role: 'member' }, new Map()), version }
  }),

  defineAction('updateGroup', api.updateGroup, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    checkVersion(group, input.expectedVersion)
    const asked = { name: input.name, emoji: input.emoji, currency: input.currency }
    const changed = (Object.keys(asked) as Array<keyof typeof asked>).filter((k) => asked[k] !== undefined && asked[k] !== group[k])
    if (changed.length === 0) return { group: await buildGroupView(ctx.q, ctx.cache, group, me.id) }
    if (changed.includes('currency')) {
      // amounts are kept in the group currency: once there is one, changing it would change what everyone owes
      const used = await ctx.q.query<{ n: unknown }>(
        `SELECT (SELECT COUNT(*) FROM expenses WHERE group_id = $1 AND deleted_at IS NULL) + (SELECT COUNT(*) FROM payments WHERE group_id = $1) AS n`,
        [group.id]
      )
      const n = toInt(used.rows[0].n)
      if (n > 0) throw new ApiError('GROUP_HAS_EXPENSES', `The group holds ${n} expenses and payments in ${group.currency}: its currency cannot change`, { currency: group.currency, count: n })
    }
    const after = { ...group, ...Object.fromEntries(changed.map((k) => [k, asked[k]])) } as GroupRow
    await ctx.q.query('UPDATE groups SET name = $2, emoji = $3, currency = $4 WHERE id = $1', [group.id, after.name, after.emoji, after.currency])
    const data = { before: Object.fromEntries(changed.map((k) => [k, group[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])) }
    const version = await recordChange(ctx.q, group, byMember(me), 'group.update', data, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, { ...after, version }, me.id) }
  }),

  defineAction('renameMember', api.renameMember, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const res = await ctx.q.query<Record<string, unknown>>('SELECT id, group_id, name, user_id, position, role, erased_at FROM members WHERE id = $1 AND group_id = $2', [input.memberId, group.id])
    const { erased_at: erased, ...member } = res.rows[0] ?? {}
    if (!res.rows[0]) throw new ApiError('NOT_FOUND', 'No such member in this group')
    // the member of someone who deleted their account stays anonymous
    if (erased) throw new ApiError('MEMBER_LEFT', 'This member deleted their account')
    // a person who joined chose their own name (setWallet); only a placeholder is named by the group
    if (member.user_id !== null) throw new ApiError('MEMBER_CLAIMED', 'This member joined and names themselves')
    const row = { ...(member as unknown as MemberRow), position: toInt(member.position), name: input.name }
    if (member.name === input.name) return { member: memberView(row, new Map()), version: group.version }
    await ctx.q.query('UPDATE members SET name = $2 WHERE id = $1', [input.memberId, input.name])
    const data = { memberId: input.memberId, before: { name: member.name }, after: { name: input.name } }
    const version = await recordChange(ctx.q, group, byMember(me), 'member.rename', data, ctx.now)
    return { member: memberView(row, new Map()), version }
  }),

  defineAction('handOverOrganizer', api.handOverOrganizer, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    if (me.role !== 'organizer') throw new ApiError('FORBIDDEN', 'Only the organizer can hand over the role')
    if (input.memberId === me.id) return { group: await buildGroupView(ctx.q, ctx.cache, group, me.id) }
    const res = await ctx.q.query<{ name: string; user_id: string | null }>('SELECT name, user_id FROM members WHERE id = $1 AND group_id = $2', [input.memberId, group.id])
    const target = res.rows[0]
    if (!target) throw new ApiError('NOT_FOUND', 'No such member in this group')
    if (target.user_id === null) throw new ApiError('MEMBER_NOT_JOINED', 'Only a member who joined can be the organizer')
    // one organizer at a time: both rows change in the one transaction
    await ctx.q.query("UPDATE members SET role = CASE WHEN id = $2 THEN 'organizer' ELSE 'member' END WHERE group_id = $1 AND id IN ($2, $3)", [group.id, input.memberId, me.id])
    const data = { memberId: input.memberId, name: target.name, before: { organizer: me.id }, after: { organizer: input.memberId } }
    const version = await recordChange(ctx.q, group, byMember(me), 'member.organizer', data, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, { ...group, version }, me.id) }
  })
]
