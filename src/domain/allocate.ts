import { stableHash } from './hash'
import type { MemberId, Minor } from './types'

/** One member's weight in an allocation (a non-negative safe integer). */
export type Weighted = readonly [MemberId, number]

/** Orders [member, value] pairs by member id. */
export const byId = (a: Weighted, b: Weighted): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

/**
 * Splits `total` (any sign) into integer parts proportional to `weights`, summing exactly to `total`
 * (largest remainder). Each part is floor(|total| * w / W); the leftover units go one each to the
 * largest remainders; equal remainders are ordered by member id rotated by `stableHash(seed) % n`,
 * so over many expenses nobody always gets the extra unit, and the order of `weights` never matters.
 * A negative total is split like its absolute value and mirrored. Members with weight 0 get 0.
 * Returns the parts in member-id order. Weights must be non-negative safe integers with a total > 0
 * and distinct ids (the callers validate).
 */
export function allocate(total: Minor, weights: readonly Weighted[], seed: string): Array<[MemberId, Minor]> {
  const parts = weights.length > 1 ? [...weights].sort(byId) : [...weights]
  const n = parts.length
  const abs = Math.abs(total)
  let sumW = 0
  for (const part of parts) sumW += part[1]
  const quotients = new Array<number>(n)
  const remainders = new Array<number>(n)
  let given = 0
  if (sumW <= Number.MAX_SAFE_INTEGER && (abs === 0 || sumW <= Math.floor(Number.MAX_SAFE_INTEGER / abs))) {
    for (let i = 0; i < n; i++) {
      const product = abs * (parts[i] as Weighted)[1]
      const r = product % sumW
      const q = (product - r) / sumW
      quotients[i] = q
      remainders[i] = r
      given += q
    }
  } else {
    // Exact in BigInt when |total| * W could pass 2^53; remainders are compared as BigInt too.
    const bigAbs = BigInt(abs)
    const bigW = BigInt(sumW)
    const bigRemainders: bigint[] = []
    for (let i = 0; i < n; i++) {
      const product = bigAbs * BigInt((parts[i] as Weighted)[1])
      const q = Number(product / bigW)
      quotients[i] = q
      bigRemainders.push(product % bigW)
      given += q
    }
    // Only the order of the remainders matters: replace them by their rank among the distinct non-zero ones.
    const distinct = [...new Set(bigRemainders.filter((r) => r > 0n))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const rankOf = new Map(distinct.map((r, i) => [r, i + 1] as const))
    bigRemainders.forEach((r, i) => {
      remainders[i] = rankOf.get(r) ?? 0
    })
  }
  const leftover = abs - given
  if (leftover > 0) {
    const offset = stableHash(seed) % n
    const order: number[] = []
    for (let i = 0; i < n; i++) if ((remainders[i] as number) > 0) order.push(i)
    const rotated = (i: number): number => (i - offset + n) % n
    order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || rotated(a) - rotated(b))
    for (let k = 0; k < leftover; k++) quotients[order[k] as number]! += 1
  }
  const out = new Array<[MemberId, Minor]>(n)
  for (let i = 0; i < n; i++) {
    const q = quotients[i] as number
    out[i] = [(parts[i] as Weighted)[0], total < 0 && q !== 0 ? -q : q]
  }
  return out
}

/**
 * Re-expresses `parts` (signed amounts in the expense currency) as parts of the converted `total`, in
 * proportion to their size (largest remainder, seeded by `seed`), in member-id order.
 */
export function convertParts(total: Minor, parts: ReadonlyArray<readonly [MemberId, Minor]>, seed: string): Array<[MemberId, Minor]> {
  return allocate(total, parts.map(([member, value]) => [member, Math.abs(value)] as const), seed)
}
