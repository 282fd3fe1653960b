/**
 * Rate limits per user and per address, shared by every instance of the function: fixed windows counted in
 * PostgreSQL (one upsert of both counters per request). Over a limit the request is answered 429 RATE_LIMITED
 * with Retry-After. Old windows are deleted opportunistically, at most once a minute per instance. Where the host
 * has a gateway with its own limits, these can be turned off (RATE_LIMIT_USER=0, RATE_LIMIT_ADDRESS=0).
 */
import type { Config } from '../config'
import { ApiError } from '../errors'
import type { Queryable } from '../store/db'

export function createRateLimiter(config: Config) {
  const windowMs = config.RATE_LIMIT_WINDOW_MS
  let lastPrune = -Infinity
  /** Counts one request; throws RATE_LIMITED when the user or the address is over its limit in this window. */
  return async function count(q: Queryable, who: { userId: string | null; address: string | null }, now: Date): Promise<void> {
    const counters: [string, number][] = []
    if (who.userId && config.RATE_LIMIT_USER > 0) counters.push([`u:${who.userId}`, config.RATE_LIMIT_USER])
    if (who.address && config.RATE_LIMIT_ADDRESS > 0) counters.push([`a:${who.address}`, config.RATE_LIMIT_ADDRESS])
    if (counters.length === 0) return
    const start = Math.floor(now.getTime() / windowMs) * windowMs
    const values = counters.map((_, i) => `($${i + 2}, $1, 1)`).join(', ')
    const res = await q.query<{ key: string; hits: number }>(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ${values}
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING key, hits`,
      [start, ...counters.map(([k]) => k)]
    )
    const limits = new Map(counters)
    if (res.rows.some((r) => r.hits > limits.get(r.key)!)) {
      const retryAfter = Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000))
      throw new ApiError('RATE_LIMITED', `Too many requests; try again in ${retryAfter} s`, { retryAfter })
    }
    if (now.getTime() - lastPrune > 60_000) {
      lastPrune = now.getTime()
      await q.query('DELETE FROM rate_limits WHERE window_start < $1', [start - 10 * windowMs]).catch((e: Error) => {
        console.warn('[splitpay] pruning rate limits failed:', e.message)
      })
    }
  }
}
