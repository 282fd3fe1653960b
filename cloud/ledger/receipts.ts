/**
 * Receipt photos of an expense: the checks of an uploaded image (size, and type by the bytes' magic numbers), the
 * rows, and their views with short-lived links. In the database store a link is the function's own
 * `${origin}/receipts/<id>?v=image|thumb&exp=<unix seconds>&sig=<HMAC>` (served by cloud/blobs/route.ts); in a
 * bucket it is a presigned GET URL. See docs/cloud.md "Receipts".
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { RECEIPT_URL_TTL_SECONDS, type ReceiptContentType, type ReceiptView } from '../../src/api/receipts'
import type { AppServices } from '../actions/types'
import type { BlobStoreKind } from '../blobs/store'
import { ApiError } from '../errors'
import type { Queryable } from '../store/db'
import { toInt, toIso } from '../store/convert'

export type ReceiptVariant = 'image' | 'thumb'

export interface CheckedImage {
  bytes: Buffer
  type: ReceiptContentType
}

const DATA_URL = /^data:([A-Za-z0-9.+-]+\/[A-Za-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/
const TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp']

/** The image type the bytes are, by their magic numbers; null for anything else. */
export function sniffImage(b: Buffer): ReceiptContentType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

/** The decoded size of a base64 text (without decoding it). */
function decodedSize(base64: string): number {
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.floor((base64.length * 3) / 4) - pad
}

/**
 * An uploaded image, checked: a base64 data URL of at most `max` bytes (RECEIPT_TOO_LARGE) whose declared type is
 * JPEG, PNG or WebP and whose bytes are that type (RECEIPT_TYPE). `field` names it in the error's details.
 */
export function checkImage(dataUrl: string, field: ReceiptVariant, max: number): CheckedImage {
  const m = DATA_URL.exec(dataUrl)
  if (!m) throw new ApiError('RECEIPT_TYPE', `${field}: must be a base64 data URL of a JPEG, PNG or WebP image`, { field, declared: null, detected: null })
  const declared = m[1]!.toLowerCase()
  const size = decodedSize(m[2]!)
  if (size > max) throw new ApiError('RECEIPT_TOO_LARGE', `${field}: ${size} bytes, at most ${max}`, { field, bytes: size, max })
  if (!TYPES.includes(declared)) throw new ApiError('RECEIPT_TYPE', `${field}: ${declared.slice(0, 64)} is not a JPEG, PNG or WebP image`, { field, declared: declared.slice(0, 64), detected: null })
  const bytes = Buffer.from(m[2]!, 'base64')
  if (bytes.length > max) throw new ApiError('RECEIPT_TOO_LARGE', `${field}: ${bytes.length} bytes, at most ${max}`, { field, bytes: bytes.length, max })
  const detected = sniffImage(bytes)
  if (detected !== declared) {
    throw new ApiError('RECEIPT_TYPE', `${field}: the bytes are ${detected ?? 'not an image'}, not ${declared}`, { field, declared, detected })
  }
  return { bytes, type: detected }
}

const EXT: Record<ReceiptContentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** Where a receipt's image and thumbnail are kept, in either store (without a thumbnail: the image's key for both). */
export function receiptKeys(groupId: string, receiptId: string, image: ReceiptContentType, thumb: ReceiptContentType | null): { image: string; thumb: string } {
  const key = `receipts/${groupId}/${receiptId}.${EXT[image]}`
  return { image: key, thumb: thumb ? `receipts/${groupId}/${receiptId}.thumb.${EXT[thumb]}` : key }
}

export interface ReceiptRow {
  id: string
  group_id: string
  expense_id: string
  store: BlobStoreKind
  image_key: string
  content_type: ReceiptContentType
  bytes: number
  thumb_key: string
  thumb_type: ReceiptContentType
  thumb_bytes: number
  created_by: string
  created_at: string
  deleted_at: string | null
}

export const RECEIPT_COLS = 'id, group_id, expense_id, store, image_key, content_type, bytes, thumb_key, thumb_type, thumb_bytes, created_by, created_at, deleted_at'

export function receiptRow(r: Record<string, unknown>): ReceiptRow {
  return {
    ...(r as unknown as ReceiptRow),
    bytes: toInt(r.bytes),
    thumb_bytes: toInt(r.thumb_bytes),
    created_at: toIso(r.created_at),
    deleted_at: r.deleted_at === null || r.deleted_at === undefined ? null : toIso(r.deleted_at)
  }
}

/** An expense's live receipts, oldest first. */
export async function liveReceipts(q: Queryable, expenseId: string): Promise<ReceiptRow[]> {
  const res = await q.query<Record<string, unknown>>(`SELECT ${RECEIPT_COLS} FROM receipts WHERE expense_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`, [expenseId])
  return res.rows.map(receiptRow)
}

/** A live receipt of the group; null when there is none (in this group: ids do not cross groups). */
export async function findReceipt(q: Queryable, groupId: string, receiptId: string): Promise<ReceiptRow | null> {
  const res = await q.query<Record<string, unknown>>(`SELECT ${RECEIPT_COLS} FROM receipts WHERE group_id = $1 AND id = $2 AND deleted_at IS NULL`, [groupId, receiptId])
  return res.rows[0] ? receiptRow(res.rows[0]) : null
}

// ---- links the function signs (the database store) ----

/** The links' own key, derived from the session secret (a link's signature is never a valid session's, or the reverse). */
function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('splitpay receipt links v1').digest()
}

function linkSignature(secret: string, receiptId: string, variant: ReceiptVariant, exp: number): string {
  return createHmac('sha256', linkKey(secret)).update(`${receiptId}|${variant}|${exp}`).digest('base64url')
}

/** `/receipts/<id>?v=...&exp=...&sig=...`, valid until `exp` (seconds since the epoch). */
export function signedReceiptPath(secret: string, receiptId: string, variant: ReceiptVariant, exp: number): string {
  return `/receipts/${receiptId}?v=${variant}&exp=${exp}&sig=${linkSignature(secret, receiptId, variant, exp)}`
}

/**
 * Whether a link's parts are one the function signed ('ok'), one it signed that has expired ('expired'; only told
 * for a good signature), or anything else ('invalid'). The signature is compared in its one canonical encoding, in
 * constant time.
 */
export function checkReceiptLink(secret: string, receiptId: string, variant: string | null, exp: string | null, sig: string | null, now: Date): 'ok' | 'expired' | 'invalid' {
  if ((variant !== 'image' && variant !== 'thumb') || !exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return 'invalid'
  const expected = Buffer.from(linkSignature(secret, receiptId, variant, Number(exp)))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'ok'
}

/** The view of a receipt, with links that work for RECEIPT_URL_TTL_SECONDS from `now`. */
export async function receiptView(services: Pick<AppServices, 'blobs' | 'config' | 'origin'>, q: Queryable, row: ReceiptRow, now: Date): Promise<ReceiptView> {
  const ttl = RECEIPT_URL_TTL_SECONDS
  const store = services.blobs.open(q, row.store)
  const link = async (variant: ReceiptVariant, key: string) => {
    const direct = store ? await store.url(key, ttl) : null
    if (direct) return direct
    const exp = Math.floor(now.getTime() / 1000) + ttl
    return `${services.origin.get() ?? ''}${signedReceiptPath(services.config.sessionSecret, row.id, variant, exp)}`
  }
  return {
    id: row.id,
    expenseId: row.expense_id,
    contentType: row.content_type,
    bytes: row.bytes,
    createdAt: row.created_at,
    createdBy: row.created_by,
    url: await link('image', row.image_key),
    thumbUrl: await link('thumb', row.thumb_key)
  }
}
