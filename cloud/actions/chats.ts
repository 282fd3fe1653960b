/**
 * WeChat group chats: linkChat (the group was opened from a card in that chat) and groupsForChat (my groups
 * linked to the chat the app was opened from). The chat's openGId comes only from data WeChat encrypted with
 * the caller's session_key, so a client cannot name a chat it is not in.
 */
import { coreActions as api } from '../../src/api/actions'
import { openChatId } from '../auth/wechat-data'
import { ApiError, notConfigured } from '../errors'
import { chatCount } from '../ledger/chats'
import { requireMember } from '../ledger/groups'
import { wechatSessionKey } from '../ledger/users'
import type { ActionContext } from './types'
import { defineAction } from './types'

async function chatOf(ctx: ActionContext & { user: { id: string } }, input: { encryptedData: string; iv: string }): Promise<string> {
  const appId = ctx.config.WECHAT_APP_ID
  if (!appId) throw notConfigured('PROVIDER_NOT_CONFIGURED', 'WeChat is not available on this server', 'set WECHAT_APP_ID')
  const sessionKey = await wechatSessionKey(ctx.q, ctx.user.id)
  if (!sessionKey) throw new ApiError('CHAT_DATA_INVALID', 'Sign in with WeChat to link a chat', { reason: 'no WeChat session' })
  return openChatId(sessionKey, input.encryptedData, input.iv, appId, ctx.now)
}

export const chatActions = [
  defineAction('linkChat', api.linkChat, { mutation: true }, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const openGid = await chatOf(ctx, input)
    await ctx.q.query('INSERT INTO group_chats (group_id, open_gid, linked_by, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, open_gid) DO NOTHING', [
      group.id,
      openGid,
      ctx.user.id,
      ctx.now.toISOString()
    ])
    return { groupId: group.id, chats: await chatCount(ctx.q, group.id) }
  }),

  defineAction('groupsForChat', api.groupsForChat, {}, async (ctx, input) => {
    const openGid = await chatOf(ctx, input)
    const res = await ctx.q.query<{ group_id: string }>(
      `SELECT c.group_id FROM group_chats c JOIN members m ON m.group_id = c.group_id AND m.user_id = $2 AND m.left_at IS NULL
        JOIN groups g ON g.id = c.group_id AND g.deleted_at IS NULL
        WHERE c.open_gid = $1 ORDER BY c.created_at DESC, c.group_id`,
      [openGid, ctx.user.id]
    )
    return { groupIds: res.rows.map((r) => r.group_id) }
  })
]
