import { stableHash } from './hash'
import type { MemberId, Minor } from './types'

/** Read once: under tsx's CommonJS output every use of an imported binding goes through two getters. */
const hash = stableHash

/** One member's weight in an allocation (a non-negative safe integer). */
export type Weighted = readonly [MemberId, number]

/** Orders [member, value] pairs by member id. */
export const byId = (a: Weighted, b: Weighted): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

/** Where {@link allocateSorted} reads the weights and writes the parts (a Float64Array, or a plain array). */
export type Parts = { [index: number]: number }

/**
 * The arithmetic of one allocation, as dinero.js keeps one algorithm over a calculator: for member i,
 * |total| * w_i = q_i * W + r_i (0 <= r_i < W), and the order of the remainders r_i.
 */
interface Calculator {
  /** Starts dividing `abs` = |total| over n weights that sum to `sumW`. */
  start(abs: number, sumW: number, n: number): void
  /** floor(abs * w / sumW) for member i (of weight w), keeping its remainder. */
  divide(i: number, w: number): number
  /** Whether member i's remainder is above 0. */
  hasRemainder(i: number): boolean
  /** Above 0 when member i's remainder is larger than member j's, below 0 when smaller, 0 when equal. */
  compare(i: number, j: number): number
}

/**
 * Doubles, when |total| * W <= 2^52: every product, remainder and quotient is then an exact integer (the
 * quotient divides product - remainder, a multiple of W, so the division has no fraction to round).
 */
class DoubleCalculator implements Calculator {
  private abs = 0
  private sumW = 1
  private remainders = new Float64Array(64)

  start(abs: number, sumW: number, n: number): void {
    this.abs = abs
    this.sumW = sumW
    if (this.remainders.length < n) this.remainders = new Float64Array(Math.max(n, 2 * this.remainders.length))
  }

  divide(i: number, w: number): number {
    const product = this.abs * w
    const r = product % this.sumW
    this.remainders[i] = r
    return (product - r) / this.sumW
  }

  hasRemainder(i: number): boolean {
    return this.remainders[i]! > 0
  }

  compare(i: number, j: number): number {
    return this.remainders[i]! - this.remainders[j]!
  }
}

/** BigInt, for larger |total| * W (huge totals or weights). */
class BigIntCalculator implements Calculator {
  private abs = 0n
  private sumW = 1n
  private remainders: bigint[] = []

  start(abs: number, sumW: number): void {
    this.abs = BigInt(abs)
    this.sumW = BigInt(sumW)
    this.remainders = []
  }

  divide(i: number, w: number): number {
    const product = this.abs * BigInt(w)
    this.remainders[i] = product % this.sumW
    return Number(product / this.sumW)
  }

  hasRemainder(i: number): boolean {
    return this.remainders[i]! > 0n
  }

  compare(i: number, j: number): number {
    const a = this.remainders[i]!
    const b = this.remainders[j]!
    return a > b ? 1 : a < b ? -1 : 0
  }
}

const doubles = new DoubleCalculator()
const bigints = new BigIntCalculator()

/** The members that get one leftover unit each, in order (scratch, grown as needed). */
let order = new Int32Array(64)

/**
 * Splits `total` (any sign) into integer parts proportional to `weights`, summing exactly to `total`
 * (largest remainder). Each part is floor(|total| * w / W); the leftover units go one each to the
 * largest remainders; equal remainders are ordered by member id rotated by `stableHash(seed) % n`,
 * so over many expenses nobody always gets the extra unit. A negative total is split like its
 * absolute value and mirrored. Members with weight 0 get 0.
 *
 * The core of {@link allocate}, without allocating: `weights[0..n)` are the members' weights in
 * member-id order, and their parts are written to `out[0..n)` in the same order. `out` may be
 * `weights` itself. Weights must be non-negative safe integers with a total > 0 (the callers validate).
 */
export function allocateSorted(total: Minor, weights: Readonly<Parts>, n: number, seed: string, out: Parts): void {
  const abs = Math.abs(total)
  let sumW = 0
  for (let i = 0; i < n; i++) sumW += weights[i]!
  // a product of integers is rounded only above 2^53: comparing it with 2^52 is exact
  const calc: Calculator = abs * sumW <= 2 ** 52 ? doubles : bigints
  calc.start(abs, sumW, n)
  let given = 0
  for (let i = 0; i < n; i++) {
    const q = calc.divide(i, weights[i]!)
    out[i] = q
    given += q
  }
  const leftover = abs - given
  if (leftover > 0) {
    // One unit each to the `leftover` largest remainders, equal remainders in member-id order rotated by
    // the offset: the members with a remainder are listed in that rotated order, then stably sorted by
    // remainder, largest first. With few members an insertion sort that keeps only the first `leftover`.
    const offset = hash(seed) % n
    if (order.length < n) order = new Int32Array(Math.max(n, 2 * order.length))
    const list = order
    let c = 0
    for (let k = 0; k < n; k++) {
      const i = k < n - offset ? k + offset : k + offset - n
      if (!calc.hasRemainder(i)) continue
      if (n > 256) {
        list[c++] = i
        continue
      }
      if (c === leftover) {
        if (calc.compare(i, list[c - 1]!) <= 0) continue
        c--
      }
      let b = c - 1
      for (; b >= 0 && calc.compare(i, list[b]!) > 0; b--) list[b + 1] = list[b]!
      list[b + 1] = i
      c++
    }
    if (n > 256) list.set(Array.from(list.subarray(0, c)).sort((i, j) => calc.compare(j, i)))
    for (let k = 0; k < c && k < leftover; k++) out[list[k]!]! += 1
  }
  if (total < 0) {
    for (let i = 0; i < n; i++) if (out[i] !== 0) out[i] = -out[i]!
  }
}

/**
 * {@link allocateSorted} of `total` over members in proportion to the size of their signed amounts
 * `parts[0..n)` (in member-id order): amounts in one currency re-expressed as parts of the converted
 * `total`. `out` may be `parts` itself.
 */
export function convertSorted(total: Minor, parts: Readonly<Parts>, n: number, seed: string, out: Parts): void {
  for (let i = 0; i < n; i++) out[i] = Math.abs(parts[i]!)
  allocateSorted(total, out, n, seed, out)
}

/**
 * Splits `total` (any sign) into integer parts proportional to `weights` by largest remainder (see
 * {@link allocateSorted}); the order of `weights` never matters. Returns the parts in member-id order.
 * Weights must be non-negative safe integers with a total > 0 and distinct ids (the callers validate).
 */
export function allocate(total: Minor, weights: readonly Weighted[], seed: string): Array<[MemberId, Minor]> {
  const sorted = weights.length > 1 ? [...weights].sort(byId) : weights
  const parts = Float64Array.from(sorted, (part) => part[1])
  allocateSorted(total, parts, parts.length, seed, parts)
  return sorted.map((part, i) => [part[0], parts[i]!])
}

/**
 * Re-expresses `parts` (signed amounts in the expense currency) as parts of the converted `total`, in
 * proportion to their size (largest remainder, seeded by `seed`), in member-id order.
 */
export function convertParts(total: Minor, parts: ReadonlyArray<readonly [MemberId, Minor]>, seed: string): Array<[MemberId, Minor]> {
  const sorted = parts.length > 1 ? [...parts].sort(byId) : parts
  const values = Float64Array.from(sorted, (part) => part[1])
  convertSorted(total, values, values.length, seed, values)
  return sorted.map((part, i) => [part[0], values[i]!])
}
