/**
 * WeChat Pay v3 signatures and AES-256-GCM resources, on top of wechatpay-axios-plugin's Rsa / Aes / Formatter.
 */
import type { KeyObject } from 'node:crypto'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { PaymentError } from '../errors'

/** Seconds a notification's Wechatpay-Timestamp may differ from our clock. */
export const NOTIFY_WINDOW_SECONDS = 300

/** The message Taro.requestPayment's paySign covers: appId\ntimeStamp\nnonceStr\nprepay_id=...\n */
export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return Formatter.joinedByLineFeed(appId, timeStamp, nonceStr, pkg)
}

export interface JsapiPayParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export function jsapiPayParams(
  appId: string,
  prepayId: string,
  privateKey: KeyObject,
  now: number = Formatter.timestamp(),
  nonceStr: string = Formatter.nonce(32)
): JsapiPayParams {
  const timeStamp = String(now)
  const pkg = `prepay_id=${prepayId}`
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: Rsa.sign(paySignMessage(appId, timeStamp, nonceStr, pkg), privateKey) }
}

export interface NotifyHeaders {
  timestamp: string
  nonce: string
  signature: string
  serial: string
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()] ?? headers[name]
  return Array.isArray(v) ? v[0] : v
}

export function readNotifyHeaders(headers: Record<string, string | string[] | undefined>): NotifyHeaders {
  const timestamp = header(headers, 'Wechatpay-Timestamp')
  const nonce = header(headers, 'Wechatpay-Nonce')
  const signature = header(headers, 'Wechatpay-Signature')
  const serial = header(headers, 'Wechatpay-Serial')
  if (!timestamp || !nonce || !signature || !serial) {
    throw new PaymentError('NOTIFY_MALFORMED', 'missing Wechatpay-Timestamp, -Nonce, -Signature or -Serial header')
  }
  return { timestamp, nonce, signature, serial }
}

/**
 * Verifies Wechatpay-Signature over "timestamp\nnonce\nbody\n" with the public key named by Wechatpay-Serial
 * (a platform certificate serial, or a WeChat Pay public key id "PUB_KEY_ID_..."), and refuses a timestamp
 * outside the window.
 */
export function verifyNotifySignature(
  h: NotifyHeaders,
  body: string,
  keys: Record<string, KeyObject>,
  nowSeconds: number
): void {
  if (!/^\d{1,12}$/.test(h.timestamp)) throw new PaymentError('NOTIFY_MALFORMED', 'Wechatpay-Timestamp is not a number')
  if (Math.abs(nowSeconds - Number(h.timestamp)) > NOTIFY_WINDOW_SECONDS) {
    throw new PaymentError('NOTIFY_REPLAY', `notification timestamp ${h.timestamp} is outside the ${NOTIFY_WINDOW_SECONDS}s window`)
  }
  const key = Object.prototype.hasOwnProperty.call(keys, h.serial) ? keys[h.serial] : undefined
  if (!key) throw new PaymentError('NOTIFY_UNKNOWN_SERIAL', `no WeChat Pay key for serial ${h.serial}`)
  let ok = false
  try {
    ok = Rsa.verify(Formatter.response(h.timestamp, h.nonce, body), h.signature, key)
  } catch {
    ok = false
  }
  if (!ok) throw new PaymentError('NOTIFY_SIGNATURE', 'Wechatpay-Signature does not verify')
}

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

/** Decrypts a notification resource (AEAD_AES_256_GCM, 12-byte nonce, associated data) with the APIv3 key. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): unknown {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new PaymentError('NOTIFY_MALFORMED', `unsupported algorithm ${resource.algorithm}`)
  let text: string
  try {
    text = Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? '')
  } catch {
    throw new PaymentError('NOTIFY_SIGNATURE', 'resource does not decrypt with the APIv3 key')
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new PaymentError('NOTIFY_MALFORMED', 'decrypted resource is not JSON')
  }
}

/** The inverse, used by the sandbox wallet to send notifications exactly like WeChat Pay. */
export function encryptResource(plain: unknown, apiV3Key: string, associatedData: string, nonce: string = Formatter.nonce(12)): EncryptedResource {
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: Aes.AesGcm.encrypt(JSON.stringify(plain), apiV3Key, nonce, associatedData),
    associated_data: associatedData,
    nonce,
    original_type: associatedData
  }
}

/** Signs a response or notification body like WeChat Pay does (Wechatpay-* headers). */
export function signedHeaders(body: string, privateKey: KeyObject, serial: string, nowSeconds: number, nonce: string = Formatter.nonce(32)): Record<string, string> {
  const timestamp = String(nowSeconds)
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, body), privateKey),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048'
  }
}

/** Parses a merchant's Authorization header (WECHATPAY2-SHA256-RSA2048 mchid="..",serial_no="..",...). */
export function parseAuthorization(value: string | undefined): Record<string, string> | undefined {
  if (!value || !value.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return undefined
  const out: Record<string, string> = {}
  for (const m of value.slice(26).matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2]
  return out
}

/** Verifies a merchant request signature: METHOD\nURL\ntimestamp\nnonce\nbody\n. */
export function verifyMerchantRequest(method: string, url: string, body: string, auth: Record<string, string>, publicKey: KeyObject): boolean {
  try {
    return Rsa.verify(Formatter.request(method, url, auth.timestamp, auth.nonce_str, body), auth.signature, publicKey)
  } catch {
    return false
  }
}
