/** Small shared field shapes for the request/response contract. */
import { AVATAR_MAX_CHARS } from './sizes'
import { z } from 'zod'
import { ID_PATTERN } from '../domain'

const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/

/**
 * True unless `s` has a lone UTF-16 surrogate (half of a character: PostgreSQL's jsonb and URL encoding refuse it).
 * A loop, not `isWellFormed` or a lookbehind, so that older phone JS engines run it too.
 */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) return false
  }
  return true
}

/**
 * Free text a person types, normalized at the edge: NFC (the same text typed on two phones is stored the same),
 * trimmed, bounded; no control characters (PostgreSQL rejects NUL) and no half characters.
 */
export const text = (max: number, min = 0) =>
  z
    .string()
    .refine(isWellFormed, { message: 'contains a broken character' })
    .normalize('NFC')
    .trim()
    .min(min, { message: min > 1 ? `at least ${min} characters` : 'must not be empty' })
    .max(max, { message: `at most ${max} characters` })
    .regex(NO_CONTROL, { message: 'contains control characters' })

/** Identifiers (groups, members, expenses, payments, invites, users): the domain's one id rule. */
export const Id = z.string().regex(ID_PATTERN, { message: 'invalid id' })

/** A client-made unique id for one mutation; a retry with the same id returns the first result. */
export const ClientId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: 'clientId must be 8-64 of A-Z a-z 0-9 _ -' })

export const Wallet = z.enum(['wechat', 'alipay', 'cash'])
export type Wallet = z.infer<typeof Wallet>

export const Locale = z.enum(['zh-CN', 'en'])
export type Locale = z.infer<typeof Locale>

/** A calendar day, YYYY-MM-DD, that exists. */
export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, { message: 'no such date' })

/** Whether the runtime knows this IANA time zone name. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone name, e.g. "Asia/Shanghai" or "UTC". */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/, { message: 'timeZone must be an IANA name such as Asia/Shanghai' })
  .refine(isKnownTimeZone, { message: 'unknown time zone' })

/** A UTC offset in minutes east of UTC (-12:00 to +14:00), e.g. 480 for UTC+8. */
export const UtcOffsetMinutes = z.number().int().min(-720).max(840)

/** An ISO-8601 timestamp as sent by the function. */
export const Timestamp = z.string()

/** An opaque pagination cursor. */
export const Cursor = z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid cursor' })

/** Integer amount in minor units (safe integer). */
export const Amount = z.number().int().refine(Number.isSafeInteger, { message: 'amount out of range' })

/** A collection QR code as an image data URL (PNG, JPEG, WebP or GIF; at most ~256 KB). */
export const QrImage = z
  .string()
  .max(350_000, { message: 'QR image too large (max ~256 KB)' })
  .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/, { message: 'QR image must be a base64 image data URL' })

/** A person's avatar as an image data URL (PNG, JPEG or WebP; at most ~64 KB: the platforms' pickers give ~132 px squares). */
export const AvatarImage = z
  .string()
  .max(AVATAR_MAX_CHARS, { message: 'Avatar too large (max ~64 KB)' })
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, { message: 'Avatar must be a base64 PNG, JPEG or WebP data URL' })

export const Emoji = z.string().min(1).max(16).regex(NO_CONTROL).refine(isWellFormed, { message: 'contains a broken character' })

/** A one-time sign-in code from WeChat (`wx.login`) or Alipay (`my.getAuthCode`): opaque, URL-safe. */
export const AuthCode = z.string().min(1).max(256).regex(/^[A-Za-z0-9_.~+/=-]+$/, { message: 'invalid sign-in code' })

export const ExportFormat = z.enum(['csv', 'json'])
