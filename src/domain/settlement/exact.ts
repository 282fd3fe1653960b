import type { Transfer } from '../types'
import { northwest } from './northwest'
import { popcount, type Score, type ScoreMath, scoreArithmetic } from './score'
import type { Party } from './types'

/** The exact solver handles up to this many members with a non-zero balance. */
export const EXACT_LIMIT = 32

/**
 * Work budgets, in search steps (a count, not a clock, so that the same balances always get the same plan on
 * any machine): counting the minimum (past it: the heuristic), choosing the canonical plan among the minimum ones
 * (past it: some minimum plan, see FALLBACK_WORK). A step is weighted by what it costs (a member mask tried as a
 * part costs 12, a vector tried in the count 1), so that a search that uses all of its work takes about 80 ms on
 * this 2-core machine, while every one of the 900 benchmark groups and 400 more of the hardest kinds finishes
 * its canonical plan well within it (`npm run bench:ledger`).
 */
const COUNT_WORK = 120_000
export const EXACT_WORK = 700_000

/** The work allowed for finding some minimum plan once the canonical search ran out. */
const FALLBACK_WORK = 15_000

/** Most zero-sum value vectors the search lists before it gives up (memory stays well under 10 MB). */
const LIST_LIMIT = 150_000

class OutOfWork extends Error {}

/** Zero-sum vectors within some vector (indices into the list), gathered size by size from `min` to `listed`. */
interface Pool {
  idx: number[]
  /** Where the vectors of each size start in `idx`, for the sizes `min` to `listed`. */
  starts: number[]
  min: number
  listed: number
}

/**
 * A solved search state: the best plan's score (null: no partition) and first part when `exact`; otherwise an
 * upper bound on every plan of the state, below the floor it was asked for.
 */
interface Solved {
  exact: boolean
  score: Score | null
  part?: number
}

interface HalfVectors {
  bits: Uint32Array
  sum: Float64Array
  size: Uint8Array
}

const empty: HalfVectors = { bits: new Uint32Array(0), sum: new Float64Array(0), size: new Uint8Array(0) }

/** A bucket for a (sum, size) pair (sum a safe integer) in a table of `buckets` (a power of two) entries. */
const bucketOf = (sum: number, size: number, buckets: number): number =>
  (Math.imul(((sum % 4294967296) | 0) ^ Math.imul(size, 0x85ebca6b), 0x9e3779b1) >>> 7) & (buckets - 1)

/** Members with the same balance: contiguous bits `base .. base + size - 1` of the search masks. */
interface Class {
  value: number
  base: number
  size: number
  mask: number
  /** The class of the opposite balance, or -1. */
  opposite: number
}

/** The memo key of a plan search state (mask < 2^32, min <= 32, -1 <= after < 32). */
const stateKey = (mask: number, min: number, after: number): number => mask + 4294967296 * (min + 33 * (after + 1))

const low = (k: number): number => (k >= 32 ? 0xffffffff : 2 ** k - 1)
const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask)

/**
 * The settlement with the fewest transfers for up to {@link EXACT_LIMIT} parties (non-zero balances summing
 * to 0), chosen canonically so that it is stable. `canonical: false` when choosing among the minimum plans ran out
 * of `work` (some minimum plan is returned); `null` when even counting the minimum ran out (the caller falls back
 * to the heuristic).
 *
 * The plan: n - g transfers, g the largest number of zero-sum parts the parties can be cut into (each part of k
 * settles in k - 1 transfers, and no plan does better). Among all partitions into g parts, each part settled by
 * the northwest walk ({@link northwest}), the one with the largest sum(amount * (rank(from)+1) * (rank(to)+1)),
 * then the one containing the smallest (from, to) pair where two plans differ. That is the unique best plan,
 * over all minimum plans, of an objective that is a sum over transfers; docs/ledger.md shows why paying any
 * suggested transfer then leaves exactly the rest of the plan.
 *
 * How it is found without tables of 2^n entries:
 * 1. Members with equal balances are interchangeable for counting parts, so the count works on value vectors:
 *    each class of equal balances owns contiguous mask bits, and a vector keeps its counts in the lowest bits
 *    of each class ("canonical"), so that containment is a bit test.
 * 2. Zero-sum vectors are listed by size, smallest first, when first needed, by meet in the middle (the classes
 *    split in two halves of at most 2^16 sub-vectors each, the right half hashed on (sum, size)).
 * 3. The count: equal and opposite pairs are peeled first (some best partition always has them as parts); then
 *    "can v be cut into at least t parts of at least m members?" peels the smallest part: it has at most |v| / t
 *    members and every other part is at least as large (when all parts must have the same size, only parts
 *    holding v's lowest member are tried; for two parts, one listed vector within v answers). A memo keeps, per
 *    (vector, m), the most parts found and the fewest proven impossible. Each level hands its children the
 *    vectors it found within v (a "pool"), so a child filters those instead of the whole list.
 * 4. The plan: branch and bound over the members themselves, memoized per (members left, smallest size, lowest
 *    member of the last part of that size), so that each partition is met once, parts taken by (size, lowest
 *    member). Candidates (listed vectors expanded to members, leaving count - 1 parts) are tried best bound first,
 *    the bound of the rest being its northwest score taken as one group (no settlement of it scores more). A
 *    state is asked with a floor (what it must reach to matter): it answers its exact best at or above the floor,
 *    or an upper bound below it, and the memo keeps either, so the search proves "not better" without solving.
 */
export function exactPlan(parties: readonly Party[], totalMembers: number, work = EXACT_WORK): ExactPlan | null {
  const n = parties.length
  if (n === 0) return { transfers: [], canonical: true }
  if (n > EXACT_LIMIT) throw new RangeError(`exactPlan handles at most ${EXACT_LIMIT} parties`)
  const search = new Search(parties, totalMembers)
  try {
    search.minimum()
  } catch (e) {
    if (e instanceof OutOfWork) return null
    throw e
  }
  try {
    return { transfers: search.best(work), canonical: true }
  } catch (e) {
    if (!(e instanceof OutOfWork)) throw e
  }
  try {
    return { transfers: search.anyBest(), canonical: false }
  } catch (e) {
    if (e instanceof OutOfWork) return null
    throw e
  }
}

export interface ExactPlan {
  transfers: Transfer[]
  /** True for the canonical minimum plan (stable by itself); false for some minimum plan (the search ran out). */
  canonical: boolean
}

class Search {
  /** Parties by bit: sorted by (balance, rank), so each class of equal balances is contiguous. */
  private readonly at: Party[]
  private readonly classes: Class[] = []
  private readonly classOf: number[] = []
  /** Bits of the debtors and of the creditors, each in rank order (for the northwest walk). */
  private readonly debtorsByRank: number[]
  private readonly creditorsByRank: number[]
  private readonly full: number
  private work = 0
  private limit = COUNT_WORK
  /** The sub-vectors of each half of the classes (the right half indexed by sum, then size). */
  private left = empty
  private right = empty
  private heads = new Int32Array(0)
  private next = new Int32Array(0)
  /** Every zero-sum canonical vector of 1..`listed` members, in order of size. */
  private readonly list: number[] = []
  private readonly listSize: number[] = []
  /** Where the vectors of each size start in `list`. */
  private readonly firstOfSize: number[] = [0]
  private listed = 0
  /** The bits of the members who owe. */
  private debtorBits = 0
  /** The bits of the members who share their balance with someone else. */
  private sharedBits = 0
  /** The count memo, per smallest part size, keyed by the vector as a signed 32-bit integer (a small integer to V8). */
  private readonly counts: Map<number, number>[] = Array.from({ length: EXACT_LIMIT + 1 }, () => new Map())
  private readonly plans = new Map<number, Solved>()
  private readonly partScores = new Map<number, Score>()
  private readonly partKeys = new Map<number, number[]>()
  private readonly math: ScoreMath

  constructor(
    parties: readonly Party[],
    private readonly totalMembers: number
  ) {
    this.at = [...parties].sort((a, b) => a.balance - b.balance || a.rank - b.rank)
    this.full = low(this.at.length)
    for (let i = 0; i < this.at.length; ) {
      let j = i
      while (j < this.at.length && this.at[j]!.balance === this.at[i]!.balance) j++
      const c = this.classes.length
      this.classes.push({ value: this.at[i]!.balance, base: i, size: j - i, mask: (low(j - i) * 2 ** i) >>> 0, opposite: -1 })
      for (let k = i; k < j; k++) this.classOf.push(c)
      i = j
    }
    for (let i = 0; i < this.at.length; i++) if (this.at[i]!.balance < 0) this.debtorBits += 2 ** i
    for (const c of this.classes) if (c.size > 1) this.sharedBits = (this.sharedBits | c.mask) >>> 0
    const byValue = new Map(this.classes.map((c, i) => [c.value, i] as const))
    for (const c of this.classes) c.opposite = byValue.get(-c.value) ?? -1
    const byRank = this.at.map((_, i) => i).sort((a, b) => this.at[a]!.rank - this.at[b]!.rank)
    this.debtorsByRank = byRank.filter((i) => this.at[i]!.balance < 0)
    this.creditorsByRank = byRank.filter((i) => this.at[i]!.balance > 0)
    let debt = 0
    for (const p of parties) if (p.balance > 0) debt += p.balance
    this.math = scoreArithmetic(debt * (totalMembers + 1) * (totalMembers + 1) > Number.MAX_SAFE_INTEGER)
  }

  /** The minimum number of transfers. */
  minimum(): number {
    this.halves()
    return this.at.length - this.countParts(this.canon(this.full))
  }

  /** The canonical minimum plan (after minimum()), within `work` more steps. */
  best(work: number): Transfer[] {
    this.work = 0
    this.limit = work
    this.solve(this.full, 2, -1, null)
    return this.transfers(this.chosen(this.full, this.plans.get(stateKey(this.full, 2, -1))!.part!))
  }

  /** A minimum plan, found without comparing plans (after minimum()): the first smallest part each time. */
  anyBest(): Transfer[] {
    this.work = 0
    this.limit = FALLBACK_WORK
    const parts: number[] = []
    for (let mask = this.full, min = 2; mask !== 0; ) {
      const part = this.firstCandidate(mask, min, this.partsOf(this.canon(mask), min))
      parts.push(part)
      mask = (mask & ~part) >>> 0
      min = popcount(part)
    }
    return this.transfers(parts)
  }

  private transfers(parts: number[]): Transfer[] {
    return parts.flatMap((part) => this.settle(part))
  }

  private spend(steps: number): void {
    this.work += steps
    if (this.work > this.limit) throw new OutOfWork()
  }

  // ------------------------------------------------------------------ value vectors

  private count(vector: number, c: number): number {
    return popcount((vector & this.classes[c]!.mask) >>> 0)
  }

  /** The canonical vector of a member mask: per class, as many lowest bits as members. */
  private canon(mask: number): number {
    let out = 0
    for (let m = mask; m !== 0; ) {
      const c = this.classes[this.classOf[lowestBit(m)]!]!
      const here = (m & c.mask) >>> 0
      out += low(popcount(here)) * 2 ** c.base
      m = (m & ~c.mask) >>> 0
    }
    return out
  }

  /** Canonical `a` minus canonical `b` (b contained in a). */
  private minus(a: number, b: number): number {
    // Members alone in their class are their own vector bits.
    if ((b & this.sharedBits) === 0) return (a & ~b) >>> 0
    let out = a
    for (let m = b; m !== 0; ) {
      const c = this.classes[this.classOf[lowestBit(m)]!]!
      const k = popcount((a & c.mask) >>> 0) - popcount((m & c.mask) >>> 0)
      out = (out & ~c.mask) >>> 0
      out += low(k) * 2 ** c.base
      m = (m & ~c.mask) >>> 0
    }
    return out
  }

  /** Splits the classes in two halves with about as many sub-vectors each, and lists each half's sub-vectors. */
  private halves(): void {
    const order = this.classes.map((_, i) => i).sort((a, b) => this.classes[b]!.size - this.classes[a]!.size || a - b)
    const split: number[][] = [[], []]
    const logs = [0, 0]
    for (const c of order) {
      const h = logs[0]! <= logs[1]! ? 0 : 1
      split[h]!.push(c)
      logs[h]! += Math.log2(this.classes[c]!.size + 1)
    }
    this.left = this.subVectors(split[0]!)
    this.right = this.subVectors(split[1]!)
    // The right half in a hash table on (sum, size): head of each bucket, then a chain through `next`.
    const right = this.right
    const buckets = 2 ** Math.max(4, Math.ceil(Math.log2(right.size.length)) + 1)
    this.heads = new Int32Array(buckets).fill(-1)
    this.next = new Int32Array(right.size.length)
    for (let j = 0; j < right.size.length; j++) {
      const h = bucketOf(right.sum[j]!, right.size[j]!, buckets)
      this.next[j] = this.heads[h]!
      this.heads[h] = j
    }
  }

  /** Every sub-vector of the given classes: canonical bits, sum and size. */
  private subVectors(classes: number[]): HalfVectors {
    let total = 1
    for (const ci of classes) total *= this.classes[ci]!.size + 1
    this.spend(total >> 7)
    const bits = new Uint32Array(total)
    const sum = new Float64Array(total)
    const size = new Uint8Array(total)
    let len = 1
    for (const ci of classes) {
      const c = this.classes[ci]!
      const base = len
      for (let k = 1; k <= c.size; k++) {
        const add = low(k) * 2 ** c.base
        for (let i = 0; i < base; i++) {
          bits[len] = bits[i]! + add
          sum[len] = sum[i]! + k * c.value
          size[len] = size[i]! + k
          len++
        }
      }
    }
    return { bits, sum, size }
  }

  /** Extends the list of zero-sum vectors (kept in order of size) to every one of at most `max` members. */
  private listUpTo(max: number): void {
    if (max <= this.listed) return
    const { left, right, heads, next } = this
    const buckets = heads.length
    for (let size = this.listed + 1; size <= max; size++) {
      this.firstOfSize[size] = this.list.length
      for (let i = 0; i < left.size.length; i++) {
        const want = size - left.size[i]!
        if (want < 0) continue
        const target = -left.sum[i]!
        for (let j = heads[bucketOf(target, want, buckets)]!; j !== -1; j = next[j]!) {
          if (right.size[j] === want && right.sum[j] === target) {
            this.list.push(left.bits[i]! + right.bits[j]!)
            this.listSize.push(size)
          }
        }
      }
      this.listed = size
      if (this.list.length > LIST_LIMIT) throw new OutOfWork()
      this.spend(left.size.length >> 6)
    }
  }

  /** Equal and opposite pairs peeled off `v`: some best partition has each of them as a part of its own. */
  private peelPairs(v: number): { pairs: number; rest: number } {
    let pairs = 0
    let rest = v
    for (let ci = 0; ci < this.classes.length; ci++) {
      const c = this.classes[ci]!
      if (c.value <= 0 || c.opposite < 0) continue
      const k = Math.min(this.count(rest, ci), this.count(rest, c.opposite))
      if (k === 0) continue
      pairs += k
      const o = this.classes[c.opposite]!
      rest = (rest & ~c.mask & ~o.mask) >>> 0
      rest += low(this.count(v, ci) - k) * 2 ** c.base + low(this.count(v, c.opposite) - k) * 2 ** o.base
    }
    return { pairs, rest }
  }

  /** The largest number of zero-sum parts that the canonical vector `v` can be cut into. */
  private countParts(v: number): number {
    const { pairs, rest } = this.peelPairs(v)
    return pairs + this.mostParts(rest, 3)
  }

  /** The largest number of zero-sum parts of at least `min` members (pairs allowed when min <= 2) of `v`. */
  private partsOf(v: number, min: number): number {
    return min <= 2 ? this.countParts(v) : this.mostParts(v, min)
  }

  /** Whether `v` can be cut into at least `need` zero-sum parts of at least `min` members (pairs when min <= 2). */
  private reaches(v: number, min: number, need: number, from: Pool | null): boolean {
    if (min > 2) return this.atLeast(v, min, need, from)
    const { pairs, rest } = this.peelPairs(v)
    return need <= pairs || this.atLeast(rest, 3, need - pairs, from)
  }

  /** The largest number of zero-sum parts of at least `min` members of `v`; -1 if none. */
  private mostParts(v: number, min: number): number {
    if (v === 0) return 0
    if (popcount(v) < min) return -1
    let k = 1
    while (this.atLeast(v, min, k + 1)) k++
    return k
  }

  /**
   * Whether the canonical vector `v` can be cut into at least `need` zero-sum parts of at least `min` members.
   * Parts are peeled smallest first: `need` parts have one of at most |v| / need members, and once the smallest
   * part is removed the others are at least as large, so each partition is met in one order of part sizes. The
   * memo keeps, per (v, min), the most parts found and the fewest proven impossible.
   */
  private atLeast(v: number, min: number, need: number, from: Pool | null = null): boolean {
    if (need <= 0) return true
    if (v === 0) return false
    const size = popcount(v)
    if (size < min) return false
    if (need === 1) return true
    const memo = this.counts[min]!
    const key = v | 0
    const known = memo.get(key)
    // Each part has a debtor and a creditor.
    const debtors = popcount((v & this.debtorBits) >>> 0)
    let found = 1
    let most = Math.min(Math.floor(size / min), debtors, size - debtors)
    if (known !== undefined) {
      found = known & 63
      most = known >> 6
    }
    if (found >= need) return true
    if (most < need) return false
    this.spend(2)
    if (need === 2) {
      // Two parts: the smaller is a listed vector, and what it leaves is the other.
      const yes = this.containsPart(v, min, Math.floor(size / 2), from)
      memo.set(key, yes ? 2 + (most << 6) : 1 + (1 << 6))
      return yes
    }
    const pool = this.pool(min)
    const lowest = (v & -v) >>> 0
    for (let s = min; s * need <= size; s++) {
      // When every part has exactly s members, one of them holds v's lowest member: only those are tried.
      const must = s * need === size ? lowest : 0
      for (let k = this.gather(pool, v, s, from); k < pool.idx.length; k++) {
        const part = this.list[pool.idx[k]!]!
        if ((part & must) !== must) continue
        this.spend(1)
        if (this.atLeast(this.minus(v, part), s, need - 1, pool)) {
          memo.set(key, need + (most << 6))
          return true
        }
      }
    }
    memo.set(key, found + ((need - 1) << 6))
    return false
  }

  // ------------------------------------------------------------------ the plan

  private members(mask: number): Party[] {
    const out: Party[] = []
    for (let m = mask; m !== 0; m = (m & (m - 1)) >>> 0) out.push(this.at[lowestBit(m)]!)
    return out
  }

  private settle(part: number): Transfer[] {
    return northwest(this.members(part))
  }

  private rankWeight(t: Transfer, rank: Map<string, number>): number {
    return (rank.get(t.from)! + 1) * (rank.get(t.to)! + 1)
  }

  private partScore(part: number): Score {
    let s = this.partScores.get(part | 0)
    if (s === undefined) {
      const rank = new Map(this.members(part).map((p) => [p.id, p.rank] as const))
      s = this.math.zero
      for (const t of this.settle(part)) s = this.math.add(s, this.math.times(t.amount, this.rankWeight(t, rank)))
      this.partScores.set(part | 0, s)
    }
    return s
  }

  /**
   * The northwest score of `mask` taken as one group: no settlement of its members scores more. One walk for both
   * kinds of score (numbers, or bigint for huge balances), without the score arithmetic's calls on each step.
   */
  private bound(mask: number): Score {
    const { debtorsByRank: debtors, creditorsByRank: creditors, at } = this
    const big = this.math.zero !== 0
    let s = 0
    let b = 0n
    let i = -1
    let j = -1
    let owe = 0
    let get = 0
    for (;;) {
      if (owe === 0) {
        do i++
        while (i < debtors.length && ((mask >>> debtors[i]!) & 1) === 0)
        if (i === debtors.length) break
        owe = -at[debtors[i]!]!.balance
      }
      if (get === 0) {
        do j++
        while (j < creditors.length && ((mask >>> creditors[j]!) & 1) === 0)
        if (j === creditors.length) break
        get = at[creditors[j]!]!.balance
      }
      const amount = owe < get ? owe : get
      const weight = (at[debtors[i]!]!.rank + 1) * (at[creditors[j]!]!.rank + 1)
      if (big) b += BigInt(amount) * BigInt(weight)
      else s += amount * weight
      owe -= amount
      get -= amount
    }
    return big ? b : s
  }

  /**
   * The vectors (with their sizes) that can be the smallest part (of at least `min` members) of a best partition
   * of `mask` into `count` parts: zero-sum, of at most |mask| / count members, leaving count - 1 parts no smaller.
   */
  private *smallestParts(mask: number, min: number, count: number): Generator<[vector: number, size: number]> {
    const v = this.canon(mask)
    const size = popcount(v)
    const pool = this.pool(Math.max(min, 2))
    for (let s = pool.min; s * count <= size; s++) {
      for (let k = this.gather(pool, v, s, null); k < pool.idx.length; k++) {
        const part = this.list[pool.idx[k]!]!
        this.spend(1)
        if (this.reaches(this.minus(v, part), s, count - 1, pool)) yield [part, s]
      }
    }
  }

  private pool(min: number): Pool {
    return { idx: [], starts: [], min, listed: min - 1 }
  }

  /** Whether a listed zero-sum vector of `min` to `max` members lies within `v` (`from` as in {@link gather}). */
  private containsPart(v: number, min: number, max: number, from: Pool | null): boolean {
    const found = this.pool(min)
    for (let s = min; s <= max; s++) if (this.gather(found, v, s, from) < found.idx.length) return true
    return false
  }

  /**
   * Adds to `pool` the listed zero-sum vectors of `s` members within the canonical `v` (listing them first if
   * needed) and returns where they start in `pool.idx`. `from`, a pool made for a vector containing `v`, already
   * holds the candidates of the sizes it went up to: only they are filtered, instead of the whole list.
   */
  private gather(pool: Pool, v: number, s: number, from: Pool | null): number {
    this.listUpTo(s)
    const { list } = this
    const { idx } = pool
    const start = idx.length
    pool.starts[s] = start
    pool.listed = s
    if (from !== null && s >= from.min && s <= from.listed) {
      const end = s < from.listed ? from.starts[s + 1]! : from.idx.length
      for (let k = from.starts[s]!; k < end; k++) {
        const i = from.idx[k]!
        if ((list[i]! & v) >>> 0 === list[i]) idx.push(i)
      }
      this.spend((end - from.starts[s]!) >> 5)
    } else {
      const end = s < this.listed ? this.firstOfSize[s + 1]! : list.length
      for (let i = this.firstOfSize[s]!; i < end; i++) if ((list[i]! & v) >>> 0 === list[i]) idx.push(i)
      this.spend((end - this.firstOfSize[s]!) >> 5)
    }
    return start
  }

  /**
   * The smallest part of each best partition of `mask`, as member masks. A part of exactly `min` members must have
   * its lowest member above `after` (parts of one size are taken in the order of their lowest members, so that
   * each partition is met once).
   */
  private candidates(mask: number, min: number, after: number, count: number): number[] {
    if (count === 1) return popcount(mask) > min || lowestBit(mask) > after ? [mask] : []
    const out: number[] = []
    for (const [part, s] of this.smallestParts(mask, min, count)) this.expand(mask, part, s === min ? after : -1, out)
    return out
  }

  /** One smallest part of a best partition of `mask` (no order constraint), members taken lowest first in each class. */
  private firstCandidate(mask: number, min: number, count: number): number {
    if (count === 1) return mask
    for (const [part] of this.smallestParts(mask, min, count)) {
      let members = 0
      for (let m = part; m !== 0; ) {
        const c = this.classes[this.classOf[lowestBit(m)]!]!
        let take = popcount((m & c.mask) >>> 0)
        for (let b = (mask & c.mask) >>> 0; take > 0; b = (b & (b - 1)) >>> 0, take--) members += 2 ** lowestBit(b)
        m = (m & ~c.mask) >>> 0
      }
      return members
    }
    throw new Error('no part leaves the best count: the count is wrong')
  }

  /** Every member mask within `mask` with the counts of the canonical `vector`. */
  private expand(mask: number, vector: number, after: number, out: number[]): void {
    // Usually every member of each class involved is taken (classes of one member): one mask.
    let whole = 0
    for (let m = vector; m !== 0; ) {
      const c = this.classes[this.classOf[lowestBit(m)]!]!
      const have = (mask & c.mask) >>> 0
      if (popcount((m & c.mask) >>> 0) !== popcount(have)) {
        whole = -1
        break
      }
      whole += have
      m = (m & ~c.mask) >>> 0
    }
    if (whole !== -1) {
      this.spend(12)
      if (lowestBit(whole) > after) out.push(whole)
      return
    }
    const choices: { pool: number[]; take: number }[] = []
    for (let m = vector; m !== 0; ) {
      const c = this.classes[this.classOf[lowestBit(m)]!]!
      const pool: number[] = []
      for (let b = (mask & c.mask) >>> 0; b !== 0; b = (b & (b - 1)) >>> 0) pool.push(2 ** lowestBit(b))
      choices.push({ pool, take: popcount((m & c.mask) >>> 0) })
      m = (m & ~c.mask) >>> 0
    }
    this.pick(choices, 0, 0, choices[0]!.take, 0, after, out)
  }

  /** Every way to take the members still to take from each class's pool, from `k` on (see {@link expand}). */
  private pick(choices: { pool: number[]; take: number }[], k: number, from: number, left: number, acc: number, after: number, out: number[]): void {
    if (left === 0) {
      if (k + 1 < choices.length) return this.pick(choices, k + 1, 0, choices[k + 1]!.take, acc, after, out)
      this.spend(12)
      if (lowestBit(acc) > after) out.push(acc)
      return
    }
    const { pool } = choices[k]!
    for (let i = from; i <= pool.length - left; i++) this.pick(choices, k, i + 1, left - 1, acc + pool[i]!, after, out)
  }

  /**
   * The best plan of `mask` (a union of zero-sum parts) among its partitions into the most parts of at least
   * `min` members (those of exactly `min` with their lowest member above `after`), if it scores at least `floor`
   * (any score when `floor` is null): then `exact` (score null when there is no such partition), and the memo
   * remembers its first part. Otherwise an upper bound below `floor` (not exact), remembered so that a later
   * call with a floor at or above it returns at once. Branch and bound: candidates best bound first; one whose
   * bound is below what is needed is skipped, and the rest is asked only for what would reach it.
   */
  private solve(mask: number, min: number, after: number, floor: Score | null): Solved {
    const { math } = this
    if (mask === 0) return { exact: true, score: math.zero }
    const key = stateKey(mask, min, after)
    const known = this.plans.get(key)
    if (known) {
      if (known.exact) return known
      if (floor !== null && math.compare(known.score!, floor) < 0) return known
    }
    this.spend(4)
    const count = this.partsOf(this.canon(mask), min)
    const parts = this.candidates(mask, min, after, count)
    const options: { part: number; rest: number; own: Score; bound: Score }[] = new Array(parts.length)
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!
      const rest = (mask & ~part) >>> 0
      const own = this.partScore(part)
      options[k] = { part, rest, own, bound: math.add(own, this.bound(rest)) }
    }
    options.sort((a, b) => math.compare(b.bound, a.bound) || a.part - b.part)
    let bestPart = -1
    let bestScore: Score = math.zero
    let ceiling: Score | null = null
    for (const o of options) {
      const need = bestPart !== -1 ? bestScore : floor
      if (need !== null && math.compare(o.bound, need) < 0) {
        if (ceiling === null || math.compare(o.bound, ceiling) > 0) ceiling = o.bound
        break
      }
      const rest = this.solve(o.rest, popcount(o.part), lowestBit(o.part), need === null ? null : math.sub(need, o.own))
      if (rest.score === null) continue
      const s = math.add(o.own, rest.score)
      if (!rest.exact) {
        if (ceiling === null || math.compare(s, ceiling) > 0) ceiling = s
        continue
      }
      const cmp = bestPart === -1 ? 1 : math.compare(s, bestScore)
      if (cmp > 0 || (cmp === 0 && this.preferred(this.chosen(mask, o.part), this.chosen(mask, bestPart)))) {
        bestPart = o.part
        bestScore = s
      }
    }
    let out: Solved
    if (bestPart !== -1) out = { exact: true, score: bestScore, part: bestPart }
    else if (ceiling === null) out = { exact: true, score: null }
    else out = { exact: false, score: ceiling }
    this.plans.set(key, out)
    return out
  }

  /** The parts of the best plan of `mask` (solved) that starts with `first`. */
  private chosen(mask: number, first: number): number[] {
    const out: number[] = []
    for (let part = first; ; ) {
      out.push(part)
      mask = (mask & ~part) >>> 0
      if (mask === 0) return out
      part = this.plans.get(stateKey(mask, popcount(part), lowestBit(part)))!.part!
    }
  }

  /** Sorted (from, to) keys of a plan, to break exact score ties. */
  private keys(parts: number[]): number[] {
    const keys: number[] = []
    for (const part of parts) {
      let own = this.partKeys.get(part | 0)
      if (!own) {
        const rank = new Map(this.members(part).map((p) => [p.id, p.rank] as const))
        own = this.settle(part).map((t) => rank.get(t.from)! * this.totalMembers + rank.get(t.to)!)
        this.partKeys.set(part | 0, own)
      }
      keys.push(...own)
    }
    return keys.sort((a, b) => a - b)
  }

  /** True when plan `a` contains the smallest (from, to) pair that is in exactly one of the two plans. */
  private preferred(a: number[], b: number[]): boolean {
    const x = this.keys(a)
    const y = this.keys(b)
    let i = 0
    let j = 0
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        i++
        j++
      } else return x[i]! < y[j]!
    }
    return i < x.length
  }
}
