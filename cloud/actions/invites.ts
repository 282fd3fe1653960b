/**
 * Invites and joining: createInvite (the group's open invite, or a new one), revokeInvite, previewInvite, joinGroup
 * (optionally claiming a placeholder), claimMember.
 */
import { createHash, createHmac } from 'node:crypto'
import { coreActions as api } from '../../src/api/actions'
import { ApiError } from '../errors'
import { newId } from '../ledger/ids'
import { archived, byMember, listMembers, lockGroup, nextPosition, recordChange, requireMember, type GroupRow, type MemberRow } from '../ledger/groups'
import { checkGroupQuota, checkMemberQuota } from '../ledger/quotas'
import { memberInUse } from '../ledger/references'
import { buildGroupView } from '../ledger/state'
import type { UserRow } from '../ledger/users'
import type { Queryable } from '../store/db'
import { alipaySchemeLink, wechatUrlLink } from '../messages/links'
import { defineAction, staged } from './types'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * An invite's token: 128 bits derived from the function's secret and the invite's id, so the same link can be given
 * again to any member (the invite page, every visit) while only its hash is stored. Knowing an invite's id (it is in
 * the activity) does not give its token.
 */
function inviteToken(secret: string, inviteId: string): string {
  return createHmac('sha256', secret).update(`splitpay-invite:${inviteId}`).digest().subarray(0, 16).toString('base64url')
}

async function findInvite(q: Queryable, token: string): Promise<{ id: string; group_id: string }> {
  const res = await q.query<{ id: string; group_id: string; revoked_at: unknown }>('SELECT id, group_id, revoked_at FROM invites WHERE token_hash = $1', [hashToken(token)])
  const inv = res.rows[0]
  if (!inv) throw new ApiError('INVITE_INVALID', 'This invite link is not valid')
  if (inv.revoked_at) throw new ApiError('INVITE_REVOKED', 'This invite link was revoked')
  return inv
}

/**
 * Gives `user` the placeholder `memberId`; their own member (if any, and unused) is removed. Returns their member
 * and the group as it is after the change.
 */
async function claim(q: Queryable, group: GroupRow, user: UserRow, memberId: string, current: MemberRow | undefined, now: Date): Promise<{ member: MemberRow; group: GroupRow }> {
  const members = await listMembers(q, group.id)
  const target = members.find((m) => m.id === memberId)
  if (!target) throw new ApiError('NOT_FOUND', 'No such member in this group')
  if (target.user_id === user.id) return { member: target, group }
  if (target.user_id !== null) throw new ApiError('MEMBER_CLAIMED', 'This member already belongs to someone')
  if (target.left_at) throw new ApiError('MEMBER_LEFT', 'This member was removed from the group')
  if (current) {
    const used = await memberInUse(q, current.id)
    if (used) throw new ApiError('MEMBER_IN_USE', 'You already have expenses or payments in this group under your own name', { reference: used })
    await q.query('DELETE FROM members WHERE id = $1', [current.id])
  }
  // The role goes with the person: an organizer taking over a placeholder stays the organizer.
  const role = current?.role === 'organizer' ? 'organizer' : target.role
  await q.query('UPDATE members SET user_id = $2, role = $3 WHERE id = $1', [target.id, user.id, role])
  const version = await recordChange(q, group, byMember(target), 'member.claim', { memberId: target.id, name: target.name, userName: user.name, replaced: current?.id ?? null }, now)
  return { member: { ...target, user_id: user.id, role }, group: { ...group, version } }
}

export const inviteActions = [
  defineAction('createInvite', api.createInvite, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    // The group's open invite is given again (one link per group until someone revokes it). An invite whose token
    // cannot be derived again (made before tokens were derived, or under another secret) is left as it is.
    const open = await ctx.q.query<{ id: string; token_hash: string }>(
      'SELECT id, token_hash FROM invites WHERE group_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC',
      [group.id]
    )
    for (const row of open.rows) {
      const again = inviteToken(ctx.config.sessionSecret, row.id)
      if (hashToken(again) === row.token_hash) return { inviteId: row.id, token: again, version: group.version }
    }
    const inviteId = newId('i')
    const token = inviteToken(ctx.config.sessionSecret, inviteId)
    await ctx.q.query('INSERT INTO invites (id, group_id, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
      inviteId,
      group.id,
      hashToken(token),
      me.id,
      ctx.now.toISOString()
    ])
    const version = await recordChange(ctx.q, group, byMember(me), 'invite.create', { inviteId }, ctx.now)
    return { inviteId, token, version }
  }),

  defineAction('revokeInvite', api.revokeInvite, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const res = await ctx.q.query<{ revoked_at: unknown }>('SELECT revoked_at FROM invites WHERE group_id = $1 AND id = $2', [group.id, input.inviteId])
    if (!res.rows[0]) throw new ApiError('NOT_FOUND', 'No such invite in this group')
    if (res.rows[0].revoked_at) throw new ApiError('INVITE_REVOKED', 'This invite was already revoked')
    await ctx.q.query('UPDATE invites SET revoked_at = $3 WHERE group_id = $1 AND id = $2', [group.id, input.inviteId, ctx.now.toISOString()])
    const version = await recordChange(ctx.q, group, byMember(me), 'invite.revoke', { inviteId: input.inviteId }, ctx.now)
    return { inviteId: input.inviteId, version }
  }),

  defineAction('inviteLink', api.inviteLink, {}, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const open = await ctx.q.query('SELECT 1 FROM invites WHERE group_id = $1 AND token_hash = $2 AND revoked_at IS NULL', [group.id, hashToken(input.token)])
    if (open.rows.length === 0) throw new ApiError('INVITE_INVALID', 'This is not an open invite of this group')
    const query = `token=${input.token}`
    if (ctx.user.provider === 'alipay') return { link: alipaySchemeLink(ctx.config, 'pages/join/index', query) }
    if (ctx.user.provider !== 'wechat') return { link: null }
    // WeChat is asked with no transaction open (its token may need the database meanwhile)
    return staged(
      () => wechatUrlLink(ctx.db, ctx.config, ctx.clock, 'pages/join/index', query),
      async (_q, outcome) => ({ link: outcome.ok ? (outcome.value as string | null) : null })
    )
  }),

  defineAction('previewInvite', api.previewInvite, {}, async (ctx, input) => {
    const inv = await findInvite(ctx.q, input.token)
    const g = await ctx.q.query<{ id: string; name: string; emoji: string; currency: string }>('SELECT id, name, emoji, currency FROM groups WHERE id = $1', [inv.group_id])
    const members = await listMembers(ctx.q, inv.group_id)
    return {
      invite: {
        groupId: g.rows[0].id,
        name: g.rows[0].name,
        emoji: g.rows[0].emoji,
        currency: g.rows[0].currency,
        memberCount: members.filter((m) => !m.left_at).length,
        placeholders: members.filter((m) => m.user_id === null && !m.left_at).map((m) => ({ id: m.id, name: m.name })),
        alreadyMember: members.some((m) => m.user_id === ctx.user.id && !m.left_at)
      }
    }
  }),

  defineAction('joinGroup', api.joinGroup, { mutation: true }, async (ctx, input) => {
    const inv = await findInvite(ctx.q, input.token)
    const group = await lockGroup(ctx.q, inv.group_id)
    if (!group) throw new ApiError('INVITE_INVALID', 'This invite link is not valid')
    // Re-check under the lock: a revoke may have committed while we waited.
    await findInvite(ctx.q, input.token)
    if (group.archived_at) throw archived()
    const members = await listMembers(ctx.q, group.id)
    let me = members.find((m) => m.user_id === ctx.user.id)
    let after = group
    if (me?.left_at) {
      // someone who left comes back through an invite: their member (and the history under it) is theirs again
      await ctx.q.query('UPDATE members SET left_at = NULL WHERE id = $1', [me.id])
      const version = await recordChange(ctx.q, group, byMember(me), 'member.join', { memberId: me.id, name: me.name, inviteId: inv.id, rejoined: true }, ctx.now)
      me = { ...me, left_at: null }
      after = { ...group, version }
    } else if (input.claimMemberId) {
      ;({ member: me, group: after } = await claim(ctx.q, group, ctx.user, input.claimMemberId, me, ctx.now))
    } else if (!me) {
      await checkGroupQuota(ctx.q, ctx.config, ctx.user.id)
      await checkMemberQuota(ctx.q, ctx.config, group.id, 1)
      const id = newId('m')
      await ctx.q.query('INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        id,
        group.id,
        ctx.user.name,
        ctx.user.id,
        await nextPosition(ctx.q, group.id),
        ctx.now.toISOString()
      ])
      me = { id, group_id: group.id, name: ctx.user.name, user_id: ctx.user.id, position: 0, role: 'member' }
      const version = await recordChange(ctx.q, group, { memberId: id, name: ctx.user.name }, 'member.join', { memberId: id, name: ctx.user.name, inviteId: inv.id }, ctx.now)
      after = { ...group, version }
    }
    return { group: await buildGroupView(ctx.q, ctx.cache, after, me.id) }
  }),

  defineAction('claimMember', api.claimMember, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const { member, group: after } = await claim(ctx.q, group, ctx.user, input.memberId, me, ctx.now)
    return { group: await buildGroupView(ctx.q, ctx.cache, after, member.id) }
  })
]
