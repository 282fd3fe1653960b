/** Identity and profile: signIn, getMe, setWallet (profile: wallet, QR, name, locale, avatar), getMemberQr. */
import { randomBytes } from 'node:crypto'
import { coreActions as api } from '../../src/api/actions'
import { issueSession } from '../auth/session'
import { resolveIdentity } from '../auth/identity'
import { ApiError } from '../errors'
import { requireMember } from '../ledger/groups'
import { DEFAULT_NAME, findUser, upsertUser, userView } from '../ledger/users'
import { defineAction } from './types'

export const sessionActions = [
  defineAction('signIn', api.signIn, { auth: 'none' }, async (ctx, input) => {
    // Through CloudBase the platform already vouches for the WeChat caller: no code2Session round trip.
    const identity = ctx.trusted && input.provider === 'wechat' ? ctx.trusted : await resolveIdentity(ctx.config, ctx.identity, input)
    const user = await upsertUser(
      ctx.q,
      identity,
      {
        name: input.name ?? DEFAULT_NAME[input.provider],
        wallet: input.provider === 'alipay' ? 'alipay' : input.provider === 'wechat' ? 'wechat' : 'cash',
        nameChosen: input.name !== undefined
      },
      ctx.now
    )
    const { token, expiresAt } = issueSession(ctx.config.sessionSecret, user.id, ctx.now, ctx.config.SESSION_TTL_SECONDS)
    return { token, expiresAt: expiresAt.toISOString(), user: userView(user) }
  }),

  defineAction('getMe', api.getMe, {}, async (ctx) => ({ user: userView(ctx.user) })),

  defineAction('setWallet', api.setWallet, { mutation: true }, async (ctx, input) => {
    const sets: string[] = []
    const params: unknown[] = [ctx.user.id]
    const set = (col: string, v: unknown) => {
      params.push(v)
      sets.push(`${col} = $${params.length}`)
    }
    if (input.wallet !== undefined) set('wallet', input.wallet)
    if (input.qrImage !== undefined) set('qr_image', input.qrImage)
    if (input.avatar !== undefined) {
      // A new image gets a new key (the old URL stops answering; the new one can be cached for good).
      set('avatar', input.avatar)
      set('avatar_key', input.avatar === null ? null : randomBytes(16).toString('hex'))
    }
    if (input.name !== undefined) {
      set('name', input.name)
      set('name_chosen', true)
    }
    if (input.locale !== undefined) set('locale', input.locale)
    if (sets.length > 0) await ctx.q.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params)
    // A new name shows in every group the person is in (history keeps the name used at the time).
    if (input.name !== undefined) await ctx.q.query('UPDATE members SET name = $2 WHERE user_id = $1', [ctx.user.id, input.name])
    const user = await findUser(ctx.q, ctx.user.id)
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Your account no longer exists')
    return { user: userView(user) }
  }),

  defineAction('getMemberQr', api.getMemberQr, {}, async (ctx, input) => {
    await requireMember(ctx.q, input.groupId, ctx.user.id)
    const res = await ctx.q.query<{ user_id: string | null; wallet: 'wechat' | 'alipay' | 'cash' | null; qr_image: string | null }>(
      'SELECT m.user_id, u.wallet, u.qr_image FROM members m LEFT JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 AND m.id = $2',
      [input.groupId, input.memberId]
    )
    const row = res.rows[0]
    if (!row) throw new ApiError('NOT_FOUND', 'No such member in this group')
    return { memberId: input.memberId, wallet: row.wallet, qrImage: row.qr_image }
  })
]
