/** WeChat mini-program sign-in: code -> code2Session -> openid and session_key (the `fetch` is injectable for tests). */
import { ApiError } from '../errors'

export type FetchLike = (url: string, init?: { method?: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

export interface WechatCredentials {
  appId: string
  appSecret: string
}

export const CODE2SESSION_URL = 'https://api.weixin.qq.com/sns/jscode2session'

export async function wechatCode2Session(creds: WechatCredentials, code: string, fetchImpl: FetchLike): Promise<{ openid: string; unionid?: string; sessionKey?: string }> {
  const url = `${CODE2SESSION_URL}?${new URLSearchParams({ appid: creds.appId, secret: creds.appSecret, js_code: code, grant_type: 'authorization_code' })}`
  let body: unknown
  try {
    const res = await fetchImpl(url, { method: 'GET', signal: AbortSignal.timeout(5000) })
    body = await res.json()
  } catch (err) {
    throw new ApiError('PROVIDER_ERROR', `WeChat sign-in failed: ${(err as Error).message}`)
  }
  const b = (body ?? {}) as { openid?: unknown; unionid?: unknown; session_key?: unknown; errcode?: unknown; errmsg?: unknown }
  if (typeof b.openid !== 'string' || !b.openid) {
    throw new ApiError('PROVIDER_ERROR', `WeChat refused the sign-in code (${String(b.errcode ?? 'no openid')}: ${String(b.errmsg ?? '')})`)
  }
  return {
    openid: b.openid,
    unionid: typeof b.unionid === 'string' ? b.unionid : undefined,
    sessionKey: typeof b.session_key === 'string' && b.session_key ? b.session_key : undefined
  }
}
