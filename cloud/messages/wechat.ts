/**
 * WeChat's server API for messages: the access token from stable_token, kept in PostgreSQL (platform_tokens) and
 * refreshed by one instance at a time under the row's lock; subscribeMessage.send, retried once with a fresh token
 * when WeChat says the token is stale (40001, 40014, 42001). The base URL is WECHAT_API_BASE (the real host unless set).
 */
import type { Config } from '../config'
import type { Db } from '../store/db'
import { toIso } from '../store/convert'

/** A token this close to its expiry is refreshed before use (WeChat itself renews 5 minutes early). */
const MARGIN_MS = 5 * 60_000
const STALE_TOKEN = new Set([40001, 40014, 42001])

export interface WechatReply {
  errcode?: number
  errmsg?: string
  [key: string]: unknown
}

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string
  ) {
    super(`WeChat ${errcode}: ${errmsg}`)
    this.name = 'WechatApiError'
  }
}

async function post(url: string, body: unknown): Promise<WechatReply> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) })
  const reply = (await res.json()) as WechatReply
  return reply
}

/**
 * A valid access token. `stale` is a token WeChat just refused: it is replaced (with force_refresh) unless another
 * instance replaced it already.
 */
export async function accessToken(db: Db, config: Config, now: () => Date, stale?: string): Promise<string> {
  const fresh = (row: { token: string; expires_at: unknown } | undefined) =>
    row && row.token && row.token !== stale && new Date(toIso(row.expires_at)).getTime() - MARGIN_MS > now().getTime() ? row.token : null
  const seen = await db.query<{ token: string; expires_at: unknown }>("SELECT token, expires_at FROM platform_tokens WHERE name = 'wechat'")
  const hit = fresh(seen.rows[0])
  if (hit) return hit
  return db.transaction(async (q) => {
    await q.query("INSERT INTO platform_tokens (name, token, expires_at, refreshed_at) VALUES ('wechat', '', 'epoch', 'epoch') ON CONFLICT (name) DO NOTHING")
    // every instance that found the token stale waits here; the first refreshes, the rest read its token
    const row = (await q.query<{ token: string; expires_at: unknown }>("SELECT token, expires_at FROM platform_tokens WHERE name = 'wechat' FOR UPDATE")).rows[0]
    const again = fresh(row)
    if (again) return again
    const reply = await post(`${config.WECHAT_API_BASE}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      appid: config.WECHAT_APP_ID,
      secret: config.WECHAT_APP_SECRET,
      force_refresh: Boolean(stale && row?.token === stale)
    })
    if (typeof reply.access_token !== 'string' || typeof reply.expires_in !== 'number') throw new WechatApiError(reply.errcode ?? -1, reply.errmsg ?? 'no access_token')
    const at = now()
    await q.query("UPDATE platform_tokens SET token = $1, expires_at = $2, refreshed_at = $3 WHERE name = 'wechat'", [
      reply.access_token,
      new Date(at.getTime() + reply.expires_in * 1000).toISOString(),
      at.toISOString()
    ])
    return reply.access_token
  })
}

/** POST `path` with the access token; a stale token is refreshed and the call made once more. */
export async function callWechat(db: Db, config: Config, now: () => Date, path: string, body: unknown): Promise<WechatReply> {
  let token = await accessToken(db, config, now)
  let reply = await post(`${config.WECHAT_API_BASE}${path}?access_token=${encodeURIComponent(token)}`, body)
  if (reply.errcode && STALE_TOKEN.has(reply.errcode)) {
    token = await accessToken(db, config, now, token)
    reply = await post(`${config.WECHAT_API_BASE}${path}?access_token=${encodeURIComponent(token)}`, body)
  }
  return reply
}
