/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s ... capped at 60 s, with +/-20% jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base * (0.8 + 0.4 * random()))
}
