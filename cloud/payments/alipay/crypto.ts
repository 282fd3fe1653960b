/** Alipay RSA2 (SHA256withRSA) signatures of notifications and gateway responses. */
import { createSign, createVerify, type KeyObject } from 'node:crypto'
import { PaymentError } from '../errors'

/** Seconds an asynchronous notification's notify_time may differ from our clock. */
export const ALIPAY_NOTIFY_WINDOW_SECONDS = 300

/** The content an async notification's sign covers: sign and sign_type removed, keys sorted, k=v joined by &. */
export function notifySignContent(params: Record<string, unknown>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type')
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .sort()
    .map((k) => `${k}=${typeof params[k] === 'string' ? params[k] : JSON.stringify(params[k])}`)
    .join('&')
}

export function rsa2Sign(content: string, privateKey: KeyObject | string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKey, 'base64')
}

export function rsa2Verify(content: string, signature: string, publicKey: KeyObject | string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

export function verifyNotify(params: Record<string, unknown>, publicKey: KeyObject | string): void {
  const sign = params.sign
  if (typeof sign !== 'string' || !sign) throw new PaymentError('NOTIFY_MALFORMED', 'notification has no sign')
  if (params.sign_type !== undefined && params.sign_type !== 'RSA2') {
    throw new PaymentError('NOTIFY_SIGNATURE', `unsupported sign_type ${String(params.sign_type)}`)
  }
  if (!rsa2Verify(notifySignContent(params), sign, publicKey)) throw new PaymentError('NOTIFY_SIGNATURE', 'notification sign does not verify')
}

/** Signs notification parameters like Alipay does (used by the sandbox wallet). */
export function signNotify(params: Record<string, string>, privateKey: KeyObject): Record<string, string> {
  return { ...params, sign_type: 'RSA2', sign: rsa2Sign(notifySignContent(params), privateKey) }
}

/** "yyyy-MM-dd HH:mm:ss" in China Standard Time (UTC+8), the format of notify_time and timestamp. */
export function chinaTime(epochSeconds: number): string {
  return new Date((epochSeconds + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

export function parseChinaTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!m) return undefined
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
  return Number.isFinite(ms) ? ms / 1000 - 8 * 3600 : undefined
}

/** The gateway response body: {"<method>_response":{...},"sign":"..."} with sign over the exact inner JSON. */
export function signedGatewayResponse(method: string, data: Record<string, unknown>, privateKey: KeyObject): string {
  const inner = JSON.stringify(data)
  return `{"${method.replace(/\./g, '_')}_response":${inner},"sign":"${rsa2Sign(inner, privateKey)}"}`
}

/** The request content the gateway checks: every parameter but sign, sorted, k=v joined by &. */
export function requestSignContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&')
}
