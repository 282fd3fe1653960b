/** Turns a sign-in request into a verified (provider, subject) pair. */
import type { Config } from '../config'
import { ApiError, notConfigured } from '../errors'
import { alipayClient, alipayOauthToken, type AlipayOauthClient } from './alipay'
import { wechatCode2Session, type FetchLike } from './wechat'

export type Provider = 'wechat' | 'alipay' | 'dev'

export interface Identity {
  provider: Provider
  subject: string
  /** WeChat's session_key from code2Session: kept on the server only, to decrypt chat data. */
  sessionKey?: string
}

export interface IdentityDeps {
  /** The HTTP call to api.weixin.qq.com (global fetch by default). */
  fetch?: FetchLike
  /** The Alipay client (the official SDK by default). */
  alipay?: (config: Config) => Promise<AlipayOauthClient>
}

export async function resolveIdentity(config: Config, deps: IdentityDeps, req: { provider: Provider; code?: string; name?: string }): Promise<Identity> {
  switch (req.provider) {
    case 'dev': {
      if (config.SPLITPAY_MODE !== 'dev') throw new ApiError('DEV_SIGNIN_DISABLED', 'The dev sign-in exists only in dev mode')
      return { provider: 'dev', subject: (req.name ?? '').trim().toLowerCase() }
    }
    case 'wechat': {
      if (!config.WECHAT_APP_ID || !config.WECHAT_APP_SECRET) throw notConfigured('PROVIDER_NOT_CONFIGURED', 'WeChat sign-in is not available on this server', 'set WECHAT_APP_ID and WECHAT_APP_SECRET')
      const fetchImpl = deps.fetch ?? (globalThis.fetch as unknown as FetchLike)
      const { openid, sessionKey } = await wechatCode2Session({ appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET }, req.code ?? '', fetchImpl)
      return { provider: 'wechat', subject: openid, sessionKey }
    }
    case 'alipay': {
      if (!config.ALIPAY_APP_ID || !config.ALIPAY_PRIVATE_KEY || !config.ALIPAY_PUBLIC_KEY)
        throw notConfigured('PROVIDER_NOT_CONFIGURED', 'Alipay sign-in is not available on this server', 'set ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY')
      const client = deps.alipay
        ? await deps.alipay(config)
        : await alipayClient({ appId: config.ALIPAY_APP_ID, privateKey: config.ALIPAY_PRIVATE_KEY, alipayPublicKey: config.ALIPAY_PUBLIC_KEY, gateway: config.ALIPAY_GATEWAY })
      return { provider: 'alipay', ...(await alipayOauthToken(client, req.code ?? '')) }
    }
  }
}
