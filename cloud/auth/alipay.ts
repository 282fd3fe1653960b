/**
 * Alipay mini-program sign-in: authCode -> alipay.system.oauth.token (official alipay-sdk) -> user id or open id.
 * alipay-sdk is loaded only when an Alipay sign-in happens, so cold start stays small.
 */
import { ApiError } from '../errors'

export interface AlipayCredentials {
  appId: string
  privateKey: string
  alipayPublicKey: string
  gateway?: string
}

export interface AlipayOauthClient {
  exec(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>>
}

let cached: { key: string; client: AlipayOauthClient } | undefined

export async function alipayClient(creds: AlipayCredentials): Promise<AlipayOauthClient> {
  const key = `${creds.appId}|${creds.gateway ?? ''}`
  if (cached?.key === key) return cached.client
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AlipaySdk } = require('alipay-sdk') as typeof import('alipay-sdk')
  const sdk = new AlipaySdk({
    appId: creds.appId,
    privateKey: creds.privateKey,
    alipayPublicKey: creds.alipayPublicKey,
    keyType: creds.privateKey.includes('BEGIN RSA PRIVATE KEY') ? 'PKCS1' : 'PKCS8',
    ...(creds.gateway ? { gateway: creds.gateway } : {})
  })
  // validateSign: the answer must carry Alipay's signature over the response (checked with ALIPAY_PUBLIC_KEY).
  const client: AlipayOauthClient = { exec: (method, params) => sdk.exec(method, params, { validateSign: true }) as Promise<Record<string, unknown>> }
  cached = { key, client }
  return client
}

export async function alipayOauthToken(client: AlipayOauthClient, code: string): Promise<{ subject: string }> {
  let res: Record<string, unknown>
  try {
    res = await client.exec('alipay.system.oauth.token', { grant_type: 'authorization_code', code })
  } catch (err) {
    throw new ApiError('PROVIDER_ERROR', `Alipay sign-in failed: ${(err as Error).message}`)
  }
  const subject = res.userId ?? res.user_id ?? res.openId ?? res.open_id
  if (typeof subject !== 'string' || !subject) {
    throw new ApiError('PROVIDER_ERROR', `Alipay refused the auth code (${String(res.code ?? res.subCode ?? 'no user id')}: ${String(res.msg ?? res.subMsg ?? '')})`)
  }
  return { subject }
}
