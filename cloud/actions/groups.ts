/** Groups: createGroup, listGroups, getGroup, addMember (a placeholder by name). */
import { coreActions as api } from '../../src/api/actions'
import { newId } from '../ledger/ids'
import { listMembers, nextPosition, recordChange, requireMember, type GroupRow } from '../ledger/groups'
import { groupPayments } from '../ledger/payments'
import { buildGroupView, deriveState, memberView } from '../ledger/state'
import { toInt, toIso } from '../store/convert'
import { defineAction } from './types'

export const groupActions = [
  defineAction('createGroup', api.createGroup, { mutation: true }, async (ctx, input) => {
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
    await ctx.q.query('INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, $2, $3, $4, 0, $5)', [meId, groupId, ctx.user.name, ctx.user.id, now])
    const placeholders: { id: string; name: string }[] = []
    for (const [i, name] of input.placeholders.entries()) {
      const id = newId('m')
      await ctx.q.query('INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, $2, $3, NULL, $4, $5)', [id, groupId, name, i + 1, now])
      placeholders.push({ id, name })
    }
    const group: GroupRow = { id: groupId, name: input.name, currency: input.currency, emoji: input.emoji, version: 0, created_at: now }
    await recordChange(ctx.q, group, { memberId: meId, name: ctx.user.name }, 'group.create', { name: input.name, currency: input.currency, placeholders }, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, group, meId) }
  }),

  defineAction('listGroups', api.listGroups, {}, async (ctx) => {
    const res = await ctx.q.query<Record<string, unknown>>(
      `SELECT g.id, g.name, g.currency, g.emoji, g.version, g.created_at, m.id AS me,
              (SELECT COUNT(*) FROM members x WHERE x.group_id = g.id) AS member_count
         FROM members m JOIN groups g ON g.id = m.group_id
        WHERE m.user_id = $1
        ORDER BY g.created_at DESC, g.id`,
      [ctx.user.id]
    )
    const items = []
    for (const r of res.rows) {
      const group: GroupRow = {
        id: r.id as string,
        name: r.name as string,
        currency: r.currency as string,
        emoji: r.emoji as string,
        version: toInt(r.version),
        created_at: toIso(r.created_at)
      }
      const state = await deriveState(ctx.q, ctx.cache, group, await listMembers(ctx.q, group.id), await groupPayments(ctx.q, group.id))
      items.push({
        id: group.id,
        name: group.name,
        currency: group.currency,
        emoji: group.emoji,
        version: group.version,
        me: r.me as string,
        memberCount: toInt(r.member_count),
        myBalance: state.balances[r.me as string] ?? 0,
        createdAt: group.created_at
      })
    }
    return { items }
  }),

  defineAction('getGroup', api.getGroup, {}, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    return { group: await buildGroupView(ctx.q, ctx.cache, group, me.id) }
  }),

  defineAction('addMember', api.addMember, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const id = newId('m')
    await ctx.q.query('INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, $2, $3, NULL, $4, $5)', [
      id,
      group.id,
      input.name,
      await nextPosition(ctx.q, group.id),
      ctx.now.toISOString()
    ])
    const version = await recordChange(ctx.q, group, { memberId: me.id, name: me.name }, 'member.add', { memberId: id, name: input.name }, ctx.now)
    return { member: memberView({ id, group_id: group.id, name: input.name, user_id: null, position: 0 }, new Map()), version }
  })
]
