/**
 * The platforms' account servers, which cannot run here: WeChat's code2Session and Alipay's
 * alipay.system.oauth.token. A phone gets a fresh one-time code per login (wx.login / my.getAuthCode); the
 * function exchanges it through these doubles for the user's openid / Alipay user id, and a used code is refused
 * the way the real servers refuse it.
 */
import { createCipheriv, randomBytes } from 'node:crypto'

type Provider = 'wechat' | 'alipay'

/** A chat's data as wx.getGroupEnterInfo gives it: WeChat's encryption of { openGId, watermark } under the session_key. */
export interface GroupEnterData {
  encryptedData: string
  iv: string
}

export class PlatformAccounts {
  private readonly codes = new Map<string, { provider: Provider; subject: string }>()
  /** The session_key of each WeChat user's latest code2Session (each sign-in replaces it, as WeChat does). */
  readonly sessionKeys = new Map<string, string>()
  private readonly tickets = new Map<string, { subject: string; openGId: string }>()

  /** `wechatAppId`: the mini-program the chat data is stamped for (the function's WECHAT_APP_ID). */
  constructor(private readonly wechatAppId = 'wxsandbox00000001') {}

  /** The shareTicket WeChat gives `subject` when they open a card in the chat `openGId`. */
  shareTicket(subject: string, openGId: string): string {
    const ticket = `ticket-${randomBytes(8).toString('hex')}`
    this.tickets.set(ticket, { subject, openGId })
    return ticket
  }

  /** wx.getGroupEnterInfo for a card opened with `shareTicket`: null for an unknown ticket. */
  groupEnterInfo(shareTicket: string): GroupEnterData | null {
    const entry = this.tickets.get(shareTicket)
    const key = entry && this.sessionKeys.get(entry.subject)
    if (!entry || !key) return null
    const iv = randomBytes(16)
    const cipher = createCipheriv('aes-128-cbc', Buffer.from(key, 'base64'), iv)
    const plain = JSON.stringify({ openGId: entry.openGId, watermark: { timestamp: Math.floor(Date.now() / 1000), appid: this.wechatAppId } })
    return { encryptedData: Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64'), iv: iv.toString('base64') }
  }
  readonly exchanged: { provider: Provider; code: string; subject: string }[] = []

  /** A one-time login code for `subject` (the platform user id of the person holding the phone). */
  issue(provider: Provider, subject: string): string {
    const code = `${provider === 'wechat' ? '0a3' : 'ap'}${randomBytes(12).toString('hex')}`
    this.codes.set(code, { provider, subject })
    return code
  }

  /** A code issuer for one phone: every login asks the platform for a new code. */
  phone(provider: Provider, subject: string): () => string {
    return () => this.issue(provider, subject)
  }

  private exchange(provider: Provider, code: string): string | null {
    const entry = this.codes.get(code)
    if (!entry || entry.provider !== provider) return null
    this.codes.delete(code)
    this.exchanged.push({ provider, code, subject: entry.subject })
    return entry.subject
  }

  /** The fetch the function calls code2Session with (query: appid, secret, js_code, grant_type). */
  wechatFetch = async (url: string): Promise<{ ok: boolean; status: number; json(): Promise<unknown> }> => {
    const params = new URL(url).searchParams
    const subject = this.exchange('wechat', params.get('js_code') ?? '')
    const sessionKey = randomBytes(16).toString('base64')
    if (subject) this.sessionKeys.set(subject, sessionKey)
    const body = subject ? { openid: subject, session_key: sessionKey } : { errcode: 40029, errmsg: 'invalid code' }
    return { ok: true, status: 200, json: async () => body }
  }

  /** The Alipay OpenAPI client, answering alipay.system.oauth.token. */
  alipayClient = async (): Promise<{ exec(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> }> => ({
    exec: async (method, params) => {
      if (method !== 'alipay.system.oauth.token') return { code: '40004', msg: 'Business Failed', subCode: 'isv.invalid-method' }
      const subject = this.exchange('alipay', String(params.code ?? ''))
      if (!subject) return { code: '40002', msg: 'Invalid Arguments', subCode: 'isv.code-invalid', subMsg: '授权码code无效' }
      return { code: '10000', msg: 'Success', openId: subject, accessToken: randomBytes(12).toString('hex'), expiresIn: 1296000 }
    }
  })
}
