/**
 * Rate limits per user and per address, shared by every instance of the function: fixed windows counted in
 * PostgreSQL (one upsert of both counters per request, sent with the request's BEGIN). Over a limit the request is answered 429 RATE_LIMITED
 * with Retry-After. Old windows are deleted opportunistically, at most once a minute per instance. Where the host
 * has a gateway with its own limits, these can be turned off (RATE_LIMIT_USER=0, RATE_LIMIT_ADDRESS=0).
 */
import type { Config } from '../config'
import { ApiError } from '../errors'
import type { Queryable, Statement } from '../store/db'

export interface Caller {
  userId: string | null
  address: string | null
}

export function createRateLimiter(config: Config) {
  const windowMs = config.RATE_LIMIT_WINDOW_MS
  let lastPrune = -Infinity
  const windowOf = (now: Date) => Math.floor(now.getTime() / windowMs) * windowMs
  const countersOf = (who: Caller): [string, number][] => {
    const counters: [string, number][] = []
    if (who.userId && config.RATE_LIMIT_USER > 0) counters.push([`u:${who.userId}`, config.RATE_LIMIT_USER])
    if (who.address && config.RATE_LIMIT_ADDRESS > 0) counters.push([`a:${who.address}`, config.RATE_LIMIT_ADDRESS])
    return counters
  }

  return {
    /** The statement that counts one request of `who` (null when no limit applies); run it, then `check` its rows. */
    count(who: Caller, now: Date): Statement | null {
      const counters = countersOf(who)
      if (counters.length === 0) return null
      const values = counters.map((_, i) => `($${i + 2}, $1, 1)`).join(', ')
      return {
        sql: `INSERT INTO rate_limits (key, window_start, hits) VALUES ${values}
              ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING key, hits`,
        params: [windowOf(now), ...counters.map(([k]) => k)]
      }
    },

    /** RATE_LIMITED when the counted request put the user or the address over its limit in this window. */
    check(who: Caller, rows: Record<string, unknown>[], now: Date): void {
      const limits = new Map(countersOf(who))
      if (rows.some((r) => Number(r.hits) > (limits.get(r.key as string) ?? Infinity))) {
        const retryAfter = Math.max(1, Math.ceil((windowOf(now) + windowMs - now.getTime()) / 1000))
        throw new ApiError('RATE_LIMITED', `Too many requests; try again in ${retryAfter} s`, { retryAfter })
      }
    },

    /** Deletes old windows, at most once a minute per instance; a failure is logged, never thrown. */
    async prune(q: Queryable, now: Date): Promise<void> {
      if (now.getTime() - lastPrune <= 60_000) return
      lastPrune = now.getTime()
      await q.query('DELETE FROM rate_limits WHERE window_start < $1', [windowOf(now) - 10 * windowMs]).catch((e: Error) => {
        console.warn('[splitpay] pruning rate limits failed:', e.message)
      })
    }
  }
}
