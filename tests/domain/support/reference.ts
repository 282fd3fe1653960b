import type { Balances, Transfer } from '@/domain'

/**
 * Reference plans the settlement is compared with, written independently of src/domain.
 */

/** Largest-first greedy: the largest debtor pays the largest creditor (ties by id) as much as both allow. */
export function greedyPlan(balances: Balances): Transfer[] {
  const left = new Map(Object.entries(balances).filter(([, v]) => v !== 0))
  const out: Transfer[] = []
  const pick = (sign: 1 | -1): string | undefined => {
    let best: string | undefined
    for (const [id, v] of left) {
      if (Math.sign(v) !== sign) continue
      const b = best === undefined ? 0 : Math.abs(left.get(best)!)
      if (best === undefined || Math.abs(v) > b || (Math.abs(v) === b && id < best)) best = id
    }
    return best
  }
  for (;;) {
    const d = pick(-1)
    const c = pick(1)
    if (d === undefined || c === undefined) break
    const amount = Math.min(-left.get(d)!, left.get(c)!)
    out.push({ from: d, to: c, amount })
    left.set(d, left.get(d)! + amount)
    left.set(c, left.get(c)! - amount)
    if (left.get(d) === 0) left.delete(d)
    if (left.get(c) === 0) left.delete(c)
  }
  return out
}

/** The minimum number of transfers by brute force: n - (most zero-sum parts of a partition). */
export function bruteForceMinimum(balances: Balances): number {
  const values = Object.values(balances).filter((v) => v !== 0)
  const n = values.length
  const memo = new Map<number, number>()
  // most zero-sum parts that the members in `mask` can be cut into (-Infinity if impossible)
  const most = (mask: number): number => {
    if (mask === 0) return 0
    const cached = memo.get(mask)
    if (cached !== undefined) return cached
    let first = 0
    while (!((mask >> first) & 1)) first++
    let best = -Infinity
    // every subset of mask that contains `first`
    const rest = mask & ~(1 << first)
    for (let sub = rest; ; sub = (sub - 1) & rest) {
      const part = sub | (1 << first)
      let sum = 0
      for (let i = 0; i < n; i++) if ((part >> i) & 1) sum += values[i]!
      if (sum === 0) best = Math.max(best, 1 + most(mask & ~part))
      if (sub === 0) break
    }
    memo.set(mask, best)
    return best
  }
  return n === 0 ? 0 : n - most((1 << n) - 1)
}

/** Balances after paying `transfers`: from goes up, to goes down. */
export function applyTransfers(balances: Balances, transfers: readonly Transfer[]): Balances {
  const out = { ...balances }
  for (const t of transfers) {
    out[t.from] = (out[t.from] ?? 0) + t.amount
    out[t.to] = (out[t.to] ?? 0) - t.amount
  }
  return out
}

/** The same record with its keys in another order. */
export function reorder<T>(record: Record<string, T>, order: readonly number[]): Record<string, T> {
  const entries = Object.entries(record)
  const out: Record<string, T> = {}
  for (const i of order) {
    const e = entries[i % entries.length]!
    out[e[0]] = e[1]
  }
  for (const [k, v] of entries) if (!(k in out)) out[k] = v
  return out
}
