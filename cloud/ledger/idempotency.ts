/**
 * Client ids of mutations: a (user, clientId) claim per mutation, holding its first answer and a hash of its
 * request, so a retry (the same request) writes nothing and gets that answer again, and the same id with another
 * request is refused. Claims are kept for RETRY_WINDOW_DAYS, then pruned.
 */
import { createHash } from 'node:crypto'
import { ApiError } from '../errors'
import type { Queryable, Statement } from '../store/db'

/** JSON with object keys sorted at every level, so the same request hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The hash of one request: its action and its validated input. */
export function requestHash(action: string, input: unknown): string {
  return createHash('sha256').update(action).update('\0').update(canonicalJson(input)).digest('base64url')
}

/** How long a retry with the same clientId is recognised. */
export const RETRY_WINDOW_DAYS = 7
const RETRY_WINDOW_MS = RETRY_WINDOW_DAYS * 24 * 60 * 60 * 1000
/** Each function instance prunes at most this often (on its first mutation, then once per interval). */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000

/**
 * Claims (user, clientId) for this request (`hash` from {@link requestHash}). Returns the stored first result when
 * the same request used the id before; CLIENT_ID_REUSED when another request did. A concurrent request with the
 * same id waits on the unique key until the first one commits or rolls back.
 */
export async function claimClientId(q: Queryable, userId: string, clientId: string, action: string, hash: string, now: Date): Promise<{ replay: unknown } | null> {
  const ins = await q.query(
    'INSERT INTO idempotency (user_id, client_id, action, request_hash, result, created_at) VALUES ($1, $2, $3, $4, NULL, $5) ON CONFLICT DO NOTHING RETURNING 1',
    [userId, clientId, action, hash, now.toISOString()]
  )
  return ins.rows.length > 0 ? null : priorClaim(q, userId, clientId, action, hash)
}

/**
 * claimClientId in the statement that loads the caller (`callerSql`: a SELECT of the user's row, $1 = userId), one
 * round trip for both on every mutation. The caller's row is undefined when there is no such user (nothing claimed).
 */
export async function claimAsCaller(
  q: Queryable,
  callerSql: string,
  userId: string,
  clientId: string,
  action: string,
  hash: string,
  now: Date
): Promise<{ caller: Record<string, unknown> | undefined; prior: { replay: unknown } | null }> {
  const res = await q.query<Record<string, unknown>>(
    `WITH caller AS (${callerSql}),
          claim AS (INSERT INTO idempotency (user_id, client_id, action, request_hash, result, created_at)
                    SELECT id, $2, $3, $4, NULL, $5 FROM caller ON CONFLICT DO NOTHING RETURNING 1)
     SELECT caller.*, (SELECT count(*) FROM claim) AS claimed FROM caller`,
    [userId, clientId, action, hash, now.toISOString()]
  )
  const first = res.rows[0]
  if (!first) return { caller: undefined, prior: null }
  const { claimed, ...caller } = first
  return { caller, prior: Number(claimed) > 0 ? null : await priorClaim(q, userId, clientId, action, hash) }
}

/** The answer of the earlier request that claimed (user, clientId): a replay when it was this same request. */
async function priorClaim(q: Queryable, userId: string, clientId: string, action: string, hash: string): Promise<{ replay: unknown }> {
  const prev = await q.query<{ action: string; request_hash: string | null; result: unknown }>(
    'SELECT action, request_hash, result FROM idempotency WHERE user_id = $1 AND client_id = $2',
    [userId, clientId]
  )
  const row = prev.rows[0]
  // Claims stored before request hashes were kept (request_hash NULL) are matched by action alone.
  const same = row !== undefined && row.action === action && (row.request_hash === null || row.request_hash === hash)
  if (!row || !same || row.result === null) {
    throw new ApiError('CLIENT_ID_REUSED', `clientId ${clientId} was already used for a different request${row && row.action !== action ? ` (${row.action})` : ''}`)
  }
  return { replay: typeof row.result === 'string' ? JSON.parse(row.result) : row.result }
}

/** The statement that stores the answer a retry of this claim gets (run last in the request's transaction). */
export function storedResult(userId: string, clientId: string, result: unknown): Statement {
  return { sql: 'UPDATE idempotency SET result = $3::jsonb WHERE user_id = $1 AND client_id = $2', params: [userId, clientId, JSON.stringify(result)] }
}

/** Releases a claim whose request did not finish (a staged action whose second step failed): a retry runs anew. */
export async function releaseClientId(q: Queryable, userId: string, clientId: string): Promise<void> {
  await q.query('DELETE FROM idempotency WHERE user_id = $1 AND client_id = $2 AND result IS NULL', [userId, clientId])
}

/** Deletes the claims older than the retry window (one indexed DELETE). Returns how many were deleted. */
export async function pruneClaims(q: Queryable, now: Date): Promise<number> {
  const res = await q.query('DELETE FROM idempotency WHERE created_at < $1 RETURNING 1', [new Date(now.getTime() - RETRY_WINDOW_MS).toISOString()])
  return res.rows.length
}

/**
 * Opportunistic pruning for one function instance: after a committed mutation, at most once per
 * PRUNE_INTERVAL_MS of the app clock. A failure is logged and never fails the request.
 */
export function createPruner(): (q: Queryable, now: Date) => Promise<void> {
  let last = -Infinity
  return async (q, now) => {
    if (now.getTime() - last < PRUNE_INTERVAL_MS) return
    last = now.getTime()
    try {
      await pruneClaims(q, now)
    } catch (err) {
      console.warn('[splitpay] pruning old client ids failed:', (err as Error).message)
    }
  }
}
