/**
 * WeChat open data (getGroupEnterInfo / getShareInfo): AES-128-CBC with PKCS#7 padding, the key is the user's
 * base64 session_key, the iv comes with the data. The decrypted JSON carries a watermark { appid, timestamp }
 * that must name our app and be recent.
 */
import { createDecipheriv } from 'node:crypto'
import { ApiError } from '../errors'

/** How old (or how far ahead of our clock) a watermark may be. */
export const WATERMARK_MAX_AGE_MS = 24 * 60 * 60 * 1000

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

function invalid(reason: string): ApiError {
  return new ApiError('CHAT_DATA_INVALID', `The WeChat chat data could not be verified (${reason})`, { reason })
}

function bytes(value: string, what: string, length?: number): Buffer {
  const clean = value.replace(/\s+/g, '')
  if (!BASE64.test(clean) || clean.length % 4 !== 0) throw invalid(`${what} is not base64`)
  const buf = Buffer.from(clean, 'base64')
  if (length !== undefined && buf.length !== length) throw invalid(`${what} is not ${length} bytes`)
  return buf
}

/** Decrypts WeChat encrypted data to its JSON object (no watermark check). Throws CHAT_DATA_INVALID. */
export function decryptWechatData(sessionKey: string, encryptedData: string, iv: string): Record<string, unknown> {
  const key = bytes(sessionKey, 'session key', 16)
  const ivBytes = bytes(iv, 'iv', 16)
  const data = bytes(encryptedData, 'data')
  if (data.length === 0 || data.length % 16 !== 0) throw invalid('data is not whole AES blocks')
  let text: string
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes)
    text = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch {
    throw invalid('decryption failed')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw invalid('not JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('not a JSON object')
  return parsed as Record<string, unknown>
}

/** The data's watermark must name `appId` and be less than a day from `now`. */
export function checkWatermark(data: Record<string, unknown>, appId: string, now: Date): void {
  const w = data.watermark as { appid?: unknown; timestamp?: unknown } | undefined
  if (!w || typeof w !== 'object') throw invalid('no watermark')
  if (w.appid !== appId) throw invalid('watermark of another app')
  if (typeof w.timestamp !== 'number' || !Number.isFinite(w.timestamp)) throw invalid('watermark without a timestamp')
  if (Math.abs(now.getTime() - w.timestamp * 1000) >= WATERMARK_MAX_AGE_MS) throw invalid('watermark too old')
}

/** The chat's openGId from getGroupEnterInfo / getShareInfo data, verified. */
export function openChatId(sessionKey: string, encryptedData: string, iv: string, appId: string, now: Date): string {
  const data = decryptWechatData(sessionKey, encryptedData, iv)
  checkWatermark(data, appId, now)
  const id = data.openGId
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw invalid('no openGId')
  return id
}
