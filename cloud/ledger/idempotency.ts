/**
 * Client ids of mutations: a (user, clientId) claim per mutation, holding its first answer, so a retry writes
 * nothing and gets that answer again. Claims are kept for RETRY_WINDOW_DAYS, then pruned.
 */
import { ApiError } from '../errors'
import type { Queryable } from '../store/db'

/** How long a retry with the same clientId is recognised. */
export const RETRY_WINDOW_DAYS = 7
const RETRY_WINDOW_MS = RETRY_WINDOW_DAYS * 24 * 60 * 60 * 1000
/** Each function instance prunes at most this often (on its first mutation, then once per interval). */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000

/**
 * Claims (user, clientId) for this transaction. Returns the stored first result when the id was used before;
 * a concurrent request with the same id waits on the unique key until the first one commits or rolls back.
 */
export async function claimClientId(q: Queryable, userId: string, clientId: string, action: string, now: Date): Promise<{ replay: unknown } | null> {
  const ins = await q.query('INSERT INTO idempotency (user_id, client_id, action, result, created_at) VALUES ($1, $2, $3, NULL, $4) ON CONFLICT DO NOTHING RETURNING 1', [
    userId,
    clientId,
    action,
    now.toISOString()
  ])
  if (ins.rows.length > 0) return null
  const prev = await q.query<{ action: string; result: unknown }>('SELECT action, result FROM idempotency WHERE user_id = $1 AND client_id = $2', [userId, clientId])
  const row = prev.rows[0]
  if (!row || row.action !== action || row.result === null) {
    throw new ApiError('CLIENT_ID_REUSED', `clientId ${clientId} was already used for ${row?.action ?? 'another request'}`)
  }
  return { replay: typeof row.result === 'string' ? JSON.parse(row.result) : row.result }
}

/** Stores the answer a retry of this claim gets. */
export async function storeResult(q: Queryable, userId: string, clientId: string, result: unknown): Promise<void> {
  await q.query('UPDATE idempotency SET result = $3::jsonb WHERE user_id = $1 AND client_id = $2', [userId, clientId, JSON.stringify(result)])
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
