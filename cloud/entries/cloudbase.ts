/**
 * The WeChat CloudBase entry: exports.main = async (event, context) with event { action, input }.
 * Called through wx.cloud.callFunction, the platform vouches for the caller: the OPENID from the WeChat
 * context (wx-server-sdk getWXContext(), which reads WX_OPENID from the environment) is trusted, no token needed.
 * Returns the same envelope as HTTP plus `status`.
 */
import type { Handler } from '../handler'
import { createTimerHandler, isTimerEvent } from './timer'

export interface CloudbaseEvent {
  action?: unknown
  input?: unknown
  /** A session token, for calls that do not come from a mini-program (e.g. an HTTP trigger). */
  token?: unknown
  userInfo?: { openId?: unknown; appId?: unknown }
}

export type WxContextReader = () => { OPENID?: string } | undefined

/** Reads the caller's OPENID the way wx-server-sdk's getWXContext() does (from WX_OPENID). */
export function defaultWxContext(): { OPENID?: string } {
  return { OPENID: process.env.WX_OPENID || undefined }
}

export function createCloudbaseMain(getHandler: () => Promise<Handler>, readContext: WxContextReader = defaultWxContext) {
  const timer = createTimerHandler(getHandler)
  return async function main(event: CloudbaseEvent, context?: { OPENID?: unknown }) {
    const ev = event && typeof event === 'object' ? event : {}
    const openid = readContext()?.OPENID ?? (typeof context?.OPENID === 'string' ? context.OPENID : undefined)
    // a timer trigger (no caller: a mini-program's call always has an OPENID)
    if (!openid && isTimerEvent(ev)) return { status: 200, ...(await timer()) }
    const handler = await getHandler()
    const result = await handler.handle({
      action: ev.action,
      input: ev.input,
      token: typeof ev.token === 'string' ? ev.token : null,
      trusted: openid ? { provider: 'wechat', subject: openid } : null
    })
    return { status: result.status, ...result.body }
  }
}
