/**
 * Session tokens: base64url(JSON payload) "." base64url(HMAC-SHA256(payload)), with an expiry.
 * Verified by comparing the signature's canonical encoding in constant time: base64url has several encodings of
 * the same 32 bytes (the last character carries 2 unused bits), and only the one we issue is accepted.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface SessionPayload {
  /** user id */
  sub: string
  /** expiry, seconds since the epoch */
  exp: number
}

const PREFIX = 'sp1.'

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(PREFIX + body).digest()
}

export function issueSession(secret: string, userId: string, now: Date, ttlSeconds: number): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const body = Buffer.from(JSON.stringify({ sub: userId, exp } satisfies SessionPayload)).toString('base64url')
  return { token: `${PREFIX}${body}.${sign(secret, body).toString('base64url')}`, expiresAt: new Date(exp * 1000) }
}

/** The user id of a valid, unexpired token; null for anything else (never throws). */
export function verifySession(secret: string, token: string, now: Date): string | null {
  if (typeof token !== 'string' || token.length > 1024 || !token.startsWith(PREFIX)) return null
  const parts = token.slice(PREFIX.length).split('.')
  if (parts.length !== 2) return null
  const [body, sig] = parts
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(sig)) return null
  const expected = Buffer.from(sign(secret, body).toString('base64url'))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let payload: SessionPayload
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!payload || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null
  if (payload.exp * 1000 <= now.getTime()) return null
  return payload.sub
}
