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
 * The claim of one mutation's (user, clientId), made in the mutation's transaction in three steps:
 * 1. `lock`: an advisory lock on the pair, held until the transaction ends, so a concurrent request with the same id
 *    waits until the first one commits or rolls back;
 * 2. `read`: the earlier claim of the pair, if any (then `prior` gives its answer to replay, or CLIENT_ID_REUSED);
 * 3. `record`: the claim with this request's answer, written once, last (with COMMIT).
 * The first two travel with the transaction's BEGIN, the caller's user row with them.
 */
export class Claim {
  constructor(
    readonly userId: string,
    readonly clientId: string,
    readonly action: string,
    readonly hash: string,
    readonly now: Date,
    /** The idempotency row's user_id: the user id, or for an action that deletes its caller, `erasedClaimKey` of it. */
    readonly key: string = userId
  ) {}

  lock(): Statement {
    return { sql: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', params: [`${this.key}\n${this.clientId}`] }
  }

  /** The earlier claim's columns (prior_*), joined to the caller's row when `callerSql` (a SELECT of it, $1 = user id). */
  read(callerSql?: string): Statement {
    const cols = 'p.action AS prior_action, p.request_hash AS prior_hash, p.result AS prior_result, p.user_id IS NOT NULL AS prior_found'
    if (callerSql && this.key !== this.userId) {
      return { sql: `SELECT caller.*, ${cols} FROM (${callerSql}) caller LEFT JOIN idempotency p ON p.user_id = $3 AND p.client_id = $2`, params: [this.userId, this.clientId, this.key] }
    }
    return {
      sql: callerSql
        ? `SELECT caller.*, ${cols} FROM (${callerSql}) caller LEFT JOIN idempotency p ON p.user_id = $1 AND p.client_id = $2`
        : `SELECT ${cols} FROM idempotency p WHERE p.user_id = $1 AND p.client_id = $2`,
      params: [callerSql ? this.userId : this.key, this.clientId]
    }
  }

  /** The first answer when this request is a retry of the earlier claim in `row` (from `read`); null when there is none. */
  prior(row: Record<string, unknown> | undefined): { replay: unknown } | null {
    if (!row?.prior_found) return null
    // Claims stored before request hashes were kept (request_hash NULL) are matched by action alone.
    const same = row.prior_action === this.action && (row.prior_hash === null || row.prior_hash === this.hash)
    if (!same || row.prior_result === null) {
      throw new ApiError(
        'CLIENT_ID_REUSED',
        `clientId ${this.clientId} was already used for a different request${row.prior_action !== this.action ? ` (${String(row.prior_action)})` : ''}`
      )
    }
    return { replay: typeof row.prior_result === 'string' ? JSON.parse(row.prior_result) : row.prior_result }
  }

  /** The claim with its answer (null while a staged action's provider call is still out: a retry is refused until then). */
  record(result: unknown | null): Statement {
    return {
      sql: 'INSERT INTO idempotency (user_id, client_id, action, request_hash, result, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
      params: [this.key, this.clientId, this.action, this.hash, result === null ? null : JSON.stringify(result), this.now.toISOString()]
    }
  }
}

/**
 * Where the claim of an action that deletes its caller's account (deleteAccount) is kept: not under the user id,
 * which must not outlive the account, but under a one-way hash of it, so a retry with the old session and the same
 * client id still gets the first answer (the handler looks it up when the caller's user is gone).
 */
export function erasedClaimKey(userId: string): string {
  return `erased:${createHash('sha256').update('splitpay-erased-account\0').update(userId).digest('base64url')}`
}

/** The statement that stores the answer of a staged action's claim, once its provider call is done. */
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
