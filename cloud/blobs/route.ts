/**
 * GET /receipts/<id>?v=image|thumb&exp=<unix seconds>&sig=<HMAC>: a receipt photo kept in the database. Image
 * elements cannot send the session token, so the link is the capability: the function signs it (HMAC-SHA256 with a
 * key derived from SESSION_SECRET) only in answers to the group's members, for RECEIPT_URL_TTL_SECONDS. A bad
 * signature is a 403 RECEIPT_URL_INVALID, an expired link a 403 RECEIPT_URL_EXPIRED (load the expense again), a
 * removed receipt (or one of a deleted group) a 404. The answer may be cached privately until the link expires.
 */
import { RECEIPT_URL_TTL_SECONDS } from '../../src/api/receipts'
import type { ApiErrorCode } from '../../src/api/errors'
import { statusForCode } from '../../src/api/errors'
import { checkReceiptLink } from '../ledger/receipts'
import type { RawResponse, RawRoute } from '../routes'
import { DbBlobStore } from './db'

const ID = /^[A-Za-z0-9_-]{1,64}$/

function refuse(code: ApiErrorCode, message: string): RawResponse {
  return {
    status: statusForCode(code),
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" },
    body: JSON.stringify({ ok: false, error: { code, message } })
  }
}

export const receiptRoute: RawRoute = {
  path: '/receipts/',
  methods: ['GET'],
  async handle(req, services) {
    const id = req.path.slice('/receipts/'.length)
    if (!ID.test(id)) return refuse('RECEIPT_URL_INVALID', 'This receipt link is not valid')
    const now = services.clock()
    const exp = req.query.get('exp')
    const variant = req.query.get('v')
    const verdict = checkReceiptLink(services.config.sessionSecret, id, variant, exp, req.query.get('sig'), now)
    if (verdict === 'invalid') return refuse('RECEIPT_URL_INVALID', 'This receipt link is not valid')
    if (verdict === 'expired') return refuse('RECEIPT_URL_EXPIRED', 'This receipt link has expired; load the expense again')
    const res = await services.db.query<{ key: string }>(
      `SELECT CASE WHEN $2 = 'thumb' THEN r.thumb_key ELSE r.image_key END AS key
         FROM receipts r JOIN groups g ON g.id = r.group_id
        WHERE r.id = $1 AND r.store = 'db' AND r.deleted_at IS NULL AND g.deleted_at IS NULL`,
      [id, variant]
    )
    const key = res.rows[0]?.key
    const blob = key ? await new DbBlobStore(services.db).get(key) : null
    if (!blob) return refuse('NOT_FOUND', 'No such receipt')
    const left = Math.max(0, Math.min(RECEIPT_URL_TTL_SECONDS, Number(exp) - Math.floor(now.getTime() / 1000)))
    return {
      status: 200,
      headers: {
        'content-type': blob.contentType,
        'cache-control': `private, max-age=${left}`,
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff'
      },
      body: blob.bytes
    }
  }
}
