/**
 * Who gets a platform message, written in the transaction of the change that causes it (so a message is sent only
 * for a change that happened, and at most once): a member who joined with WeChat or Alipay, who wants this kind
 * (notify_prefs), and whose subscription has a message left (one credit of a one-time subscription is taken here).
 */
import type { MessageKind } from '../../src/api/messages'
import type { Config } from '../config'
import type { ActionContext } from '../actions/types'
import type { MessagePayload } from './templates'

export type Platform = 'wechat' | 'alipay'

/** The template ids of `platform` per kind (only the configured ones). */
export function templatesOf(config: Config, platform: Platform | null): Partial<Record<MessageKind, string>> {
  if (platform === 'wechat' && config.WECHAT_APP_ID) return config.WECHAT_TEMPLATES
  if (platform === 'alipay' && config.ALIPAY_APP_ID) return config.ALIPAY_TEMPLATES
  return {}
}

export function platformOf(provider: string): Platform | null {
  return provider === 'wechat' || provider === 'alipay' ? provider : null
}

/** Whether this server can send any platform message (a template is configured for a platform). */
export function messagesEnabled(config: Config): boolean {
  return Object.keys(templatesOf(config, 'wechat')).length > 0 || Object.keys(templatesOf(config, 'alipay')).length > 0
}

/**
 * Queues `kind` for the users behind `memberIds` who can and want to receive it; returns how many were queued. They
 * are sent once the transaction commits.
 */
export async function enqueueMessages(ctx: ActionContext, kind: MessageKind, memberIds: string[], payload: (memberId: string) => MessagePayload): Promise<number> {
  // nothing to send on a server with no template configured: not even a query
  if (memberIds.length === 0 || !messagesEnabled(ctx.config)) return 0
  const res = await ctx.q.query<{ member_id: string; user_id: string; provider: string }>(
    `SELECT m.id AS member_id, u.id AS user_id, u.provider
       FROM members m JOIN users u ON u.id = m.user_id
       JOIN message_consents c ON c.user_id = u.id AND c.kind = $2 AND c.credits > 0
      WHERE m.id = ANY($1::text[]) AND m.left_at IS NULL AND COALESCE((u.notify_prefs ->> $2)::boolean, true)`,
    [memberIds, kind]
  )
  let queued = 0
  for (const r of res.rows) {
    const platform = platformOf(r.provider)
    const templateId = templatesOf(ctx.config, platform)[kind]
    if (!platform || !templateId) continue
    // taken only while there is one left (two changes at once never spend one credit twice)
    const took = await ctx.q.query(
      "UPDATE message_consents SET credits = credits - 1, state = CASE WHEN credits = 1 THEN 'used' ELSE state END, updated_at = $3 WHERE user_id = $1 AND kind = $2 AND credits > 0 RETURNING credits",
      [r.user_id, kind, ctx.now.toISOString()]
    )
    if (took.rows.length === 0) continue
    await ctx.q.query("INSERT INTO message_outbox (user_id, kind, payload, state, created_at) VALUES ($1, $2, $3::jsonb, 'queued', $4)", [
      r.user_id,
      kind,
      JSON.stringify({ ...payload(r.member_id), templateId, platform }),
      ctx.now.toISOString()
    ])
    queued++
  }
  if (queued > 0) ctx.afterCommit(() => ctx.messages.kick())
  return queued
}
