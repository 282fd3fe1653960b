/**
 * A group over weeks: removeMember, leaveGroup, archiveGroup (archive and restore), deleteGroup. Nobody leaves or is
 * removed owing or owed, so the balances of everyone who stays still add up to zero and never move for them.
 */
import { coreActions as api } from '../../src/api/actions'
import { ApiError } from '../errors'
import { byMember, listMembers, recordChange, requireMember, type GroupRow, type MemberRow } from '../ledger/groups'
import { memberInUse } from '../ledger/references'
import { buildGroupView, deriveState } from '../ledger/state'
import type { Queryable } from '../store/db'
import { toInt } from '../store/convert'
import { defineAction, type ActionContext } from './types'

/** Payments between members waiting on their receiver, and in-app transfers not finished, that involve `memberId`. */
async function pendingFor(q: Queryable, groupId: string, memberId: string | null): Promise<number> {
  const who = memberId === null ? '' : ' AND $2 IN (from_member, to_member)'
  const res = await q.query<{ n: unknown }>(
    `SELECT (SELECT COUNT(*) FROM payments WHERE group_id = $1 AND status = 'pending'${who})
          + (SELECT COUNT(*) FROM pay_transfers WHERE group_id = $1 AND state IN ('pending', 'paying')${who}) AS n`,
    memberId === null ? [groupId] : [groupId, memberId]
  )
  return toInt(res.rows[0].n)
}

/** MEMBER_HAS_BALANCE / MEMBER_HAS_PENDING unless `member` is at zero with nothing on the way. */
async function checkSettled(ctx: ActionContext, group: GroupRow, member: MemberRow): Promise<void> {
  const balance = (await deriveState(ctx.q, ctx.cache, group)).balances[member.id] ?? 0
  if (balance !== 0) {
    throw new ApiError('MEMBER_HAS_BALANCE', `${member.name} has a balance of ${balance} (minor units of ${group.currency}): settle up first`, {
      memberId: member.id,
      balance,
      currency: group.currency
    })
  }
  const pending = await pendingFor(ctx.q, group.id, member.id)
  if (pending > 0) throw new ApiError('MEMBER_HAS_PENDING', `${pending} payment(s) of ${member.name} wait for confirmation`, { memberId: member.id, count: pending })
}

function organizerOnly(me: MemberRow, what: string): void {
  if (me.role !== 'organizer') throw new ApiError('FORBIDDEN', `Only the organizer can ${what}`)
}

export const groupLifeActions = [
  defineAction('removeMember', api.removeMember, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    if (input.memberId === me.id) throw new ApiError('FORBIDDEN', 'Leave the group instead of removing yourself')
    const target = (await listMembers(ctx.q, group.id)).find((m) => m.id === input.memberId)
    if (!target) throw new ApiError('NOT_FOUND', 'No such member in this group')
    if (target.left_at) return { group: await buildGroupView(ctx.q, ctx.cache, group, me.id) }
    if (target.user_id !== null) organizerOnly(me, 'remove someone who joined')
    await checkSettled(ctx, group, target)
    // A placeholder nothing refers to was a slip: it goes. Anyone else stays in the record, marked as left.
    const kept = target.user_id !== null || (await memberInUse(ctx.q, target.id)) !== null
    if (kept) await ctx.q.query('UPDATE members SET left_at = $2 WHERE id = $1', [target.id, ctx.now.toISOString()])
    else await ctx.q.query('DELETE FROM members WHERE id = $1', [target.id])
    const version = await recordChange(ctx.q, group, byMember(me), 'member.remove', { memberId: target.id, name: target.name, kept }, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, { ...group, version }, me.id) }
  }),

  defineAction('leaveGroup', api.leaveGroup, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true, archived: 'allow' })
    await checkSettled(ctx, group, me)
    await ctx.q.query("UPDATE members SET left_at = $2, role = 'member' WHERE id = $1", [me.id, ctx.now.toISOString()])
    const stay = (await listMembers(ctx.q, group.id)).filter((m) => m.user_id !== null && !m.left_at)
    // The organizer's role goes to the member who joined first among those who stay.
    const heir = me.role === 'organizer' ? (stay[0] ?? null) : null
    if (heir) await ctx.q.query("UPDATE members SET role = 'organizer' WHERE id = $1", [heir.id])
    let version = await recordChange(ctx.q, group, byMember(me), 'member.leave', { memberId: me.id, name: me.name, organizer: heir?.id ?? null }, ctx.now)
    // Nobody who joined is left: the group is archived (still readable in the record, restorable by nobody).
    const archive = stay.length === 0 && !group.archived_at
    if (archive) {
      await ctx.q.query('UPDATE groups SET archived_at = $2 WHERE id = $1', [group.id, ctx.now.toISOString()])
      version = await recordChange(ctx.q, group, byMember(me), 'group.archive', { reason: 'last-member-left', before: { archived: false }, after: { archived: true } }, ctx.now)
    }
    return { groupId: group.id, archived: archive || Boolean(group.archived_at), version }
  }),

  defineAction('archiveGroup', api.archiveGroup, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true, archived: 'allow' })
    organizerOnly(me, input.archived ? 'archive the group' : 'restore the group')
    if (Boolean(group.archived_at) === input.archived) return { group: await buildGroupView(ctx.q, ctx.cache, group, me.id) }
    const at = input.archived ? ctx.now.toISOString() : null
    await ctx.q.query('UPDATE groups SET archived_at = $2 WHERE id = $1', [group.id, at])
    const data = { before: { archived: !input.archived }, after: { archived: input.archived } }
    const version = await recordChange(ctx.q, group, byMember(me), input.archived ? 'group.archive' : 'group.restore', data, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, { ...group, archived_at: at, version }, me.id) }
  }),

  defineAction('deleteGroup', api.deleteGroup, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true, archived: 'allow' })
    organizerOnly(me, 'delete the group')
    const balances = (await deriveState(ctx.q, ctx.cache, group)).balances
    const open = Object.values(balances).filter((b) => b !== 0).length
    const pending = await pendingFor(ctx.q, group.id, null)
    if (open > 0 || pending > 0) {
      throw new ApiError('GROUP_NOT_SETTLED', `${open} member(s) still owe or are owed and ${pending} payment(s) wait: settle up first`, { open, pending })
    }
    await ctx.q.query('UPDATE groups SET deleted_at = $2 WHERE id = $1', [group.id, ctx.now.toISOString()])
    await ctx.q.query('UPDATE invites SET revoked_at = $2 WHERE group_id = $1 AND revoked_at IS NULL', [group.id, ctx.now.toISOString()])
    const version = await recordChange(ctx.q, group, byMember(me), 'group.delete', { before: { deleted: false }, after: { deleted: true } }, ctx.now)
    return { groupId: group.id, version }
  })
]
