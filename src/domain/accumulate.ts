import { stableHash } from './hash'
import { convertAmount } from './money/convert'
import { isCurrency } from './money/currencies'
import { isRate } from './money/rational'
import type { Expense, MemberId } from './types'

/** Products stay below this, so every intermediate is an exact integer. */
const LIMIT = 2 ** 52

/** Sorts the first m entries of `a` ascending (insertion sort: the lists are short). */
function sortPrefix(a: Int32Array | Float64Array, m: number): void {
  if (m > 48) {
    a.subarray(0, m).sort()
    return
  }
  for (let i = 1; i < m; i++) {
    const x = a[i]!
    let j = i - 1
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!
      j--
    }
    a[j + 1] = x
  }
}
const isMinor = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)

/**
 * Adds expenses onto per-member totals without allocating per expense: the hot loop of
 * `computeBalances`. It computes exactly what `payerEntries` and `splitEntries` compute (largest
 * remainder, the same rotation from `stableHash(id)`, members ordered by id through precomputed ranks)
 * and a property test checks that it does. It only handles what it can do fast and surely: an expense
 * whose every rule holds (a foreign-currency one included). For anything else (an invalid or unusual
 * expense, numbers too large for exact float arithmetic) `add` returns false without touching the totals, and the caller takes the general
 * path, which computes it or throws the right DomainError.
 */
export class Accumulator {
  /** paid - owed per member index. */
  readonly totals: Float64Array
  /** Member id -> index, as a prototype-free object (faster to read than a Map in this loop). */
  private readonly index: Record<MemberId, number | undefined>
  private readonly rank: Int32Array
  private readonly byRank: Int32Array
  private readonly stamp: Int32Array
  private epoch = 0
  private readonly seen: Int32Array
  private seenEpoch = 0
  private readonly ranks: Int32Array
  private readonly weightAt: Float64Array
  private readonly owedAt: Float64Array
  private readonly touched: Int32Array
  private touchedCount = 0
  /** True while a split may write straight into the totals (nothing after it can fail). */
  private direct = false
  private readonly quotient: Float64Array
  private readonly remainder: Float64Array
  private readonly keys: Float64Array
  private readonly marks: Uint8Array
  private readonly payIndex: Int32Array
  private readonly payValue: Float64Array

  constructor(index: Map<MemberId, number>) {
    const n = index.size
    const ids = [...index.keys()]
    const order = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
    this.index = Object.create(null) as Record<MemberId, number | undefined>
    for (const [member, i] of index) this.index[member] = i
    this.totals = new Float64Array(n)
    this.rank = new Int32Array(n)
    order.forEach((i, r) => {
      this.rank[i] = r
    })
    this.byRank = Int32Array.from(order)
    this.stamp = new Int32Array(n)
    this.seen = new Int32Array(n)
    this.ranks = new Int32Array(n)
    this.weightAt = new Float64Array(n)
    this.owedAt = new Float64Array(n)
    this.touched = new Int32Array(n)
    this.quotient = new Float64Array(n)
    this.remainder = new Float64Array(n)
    this.keys = new Float64Array(n)
    this.marks = new Uint8Array(n)
    this.payIndex = new Int32Array(n)
    this.payValue = new Float64Array(n)
  }

  /** Adds `expense` (paid - owed) and returns true, or returns false and changes nothing. */
  add(expense: Expense, groupCurrency?: string): boolean {
    const amount = expense.amount
    if (!isMinor(amount) || amount === 0) return false
    const currency = expense.currency
    let total = amount
    const converted = currency !== undefined && groupCurrency !== undefined && currency !== groupCurrency
    if (converted) {
      const rate = expense.rate
      if (typeof rate !== 'string' || !isCurrency(currency) || !isCurrency(groupCurrency) || !isRate(rate)) return false
      total = convertAmount(amount, rate, currency, groupCurrency)
    }
    const payers = this.payers(expense.paidBy, amount)
    if (payers < 0) return false
    this.epoch++
    this.touchedCount = 0
    const split = expense.split
    if (split === null || typeof split !== 'object') return false
    // Equal, shares, percent and exact validate everything before they write anything, and in the
    // group currency nothing can fail after them: they may write straight into the totals.
    this.direct = !converted && split.mode !== 'adjust'
    const id = String(expense.id)
    let ok = false
    switch (split.mode) {
      case 'equal':
        ok = this.equal(total, split.members, id)
        break
      case 'shares':
        ok = this.weighted(total, split.shares, id, false)
        break
      case 'percent':
        ok = this.weighted(total, split.basisPoints, id, true)
        break
      case 'exact':
        ok = this.exact(amount, split.amounts) && (!converted || this.convertStaged(total, id))
        break
      case 'adjust':
        ok = this.adjust(amount, split.members, split.adjustments, id) && (!converted || this.convertStaged(total, id))
        break
    }
    if (!ok) return false
    const totals = this.totals
    if (converted) {
      // payers in proportion to what they paid, as parts of the converted total (seed "<id>/paid")
      for (let i = 0; i < payers; i++) {
        const r = this.rank[this.payIndex[i]!]!
        this.ranks[i] = r
        this.weightAt[r] = Math.abs(this.payValue[i]!)
      }
      if (!this.allocateStaged(total, payers, `${id}/paid`)) return false
      const sign = total < 0 ? -1 : 1
      for (let p = 0; p < payers; p++) totals[this.byRank[this.ranks[p]!]!]! += sign * this.quotient[p]!
    } else {
      for (let i = 0; i < payers; i++) totals[this.payIndex[i]!]! += this.payValue[i]!
    }
    for (let t = 0; t < this.touchedCount; t++) {
      const r = this.touched[t]!
      totals[this.byRank[r]!]! -= this.owedAt[r]!
    }
    return true
  }

  /**
   * Largest remainder of `total` over the first m entries of this.ranks, weighted by this.weightAt
   * (as `allocate` does): sorts the ranks and leaves |parts| in this.quotient. False when the
   * numbers are too large for exact float arithmetic (the caller declines; `allocate` uses BigInt).
   */
  private allocateStaged(total: number, m: number, seed: string): boolean {
    let sumW = 0
    for (let p = 0; p < m; p++) sumW += this.weightAt[this.ranks[p]!]!
    const abs = Math.abs(total)
    if (sumW === 0 || abs * sumW > LIMIT) return false
    this.sortRanks(m)
    let given = 0
    for (let p = 0; p < m; p++) {
      const product = abs * this.weightAt[this.ranks[p]!]!
      // integer arithmetic: product <= 2^52, the remainder is exact and the division has no fraction
      const r = product % sumW
      const q = (product - r) / sumW
      this.quotient[p] = q
      this.remainder[p] = r
      given += q
    }
    const leftover = abs - given
    if (leftover > 0) {
      // One extra unit each to the largest remainders; equal remainders in rotated id order. Each
      // candidate gets the integer key remainder * m + (m - 1 - rotated position): larger is first.
      const offset = stableHash(seed) % m
      const keys = this.keys
      let c = 0
      for (let p = 0; p < m; p++) {
        const r = this.remainder[p]!
        if (r > 0) keys[c++] = r * m + (m - 1 - ((p - offset + m) % m))
      }
      sortPrefix(keys, c)
      for (let k = 0; k < leftover && k < c; k++) {
        const key = keys[c - 1 - k]!
        const rotated = m - 1 - (key % m)
        this.quotient[(rotated + offset) % m]! += 1
      }
    }
    return true
  }

  /** Re-expresses the staged owed amounts (expense currency) as parts of the converted `total`. */
  private convertStaged(total: number, id: string): boolean {
    const m = this.touchedCount
    for (let t = 0; t < m; t++) {
      const r = this.touched[t]!
      this.ranks[t] = r
      this.weightAt[r] = Math.abs(this.owedAt[r]!)
    }
    if (!this.allocateStaged(total, m, id)) return false
    const sign = total < 0 ? -1 : 1
    for (let p = 0; p < m; p++) this.owedAt[this.ranks[p]!] = sign * this.quotient[p]!
    return true
  }

  /** Validates and stages the payers; returns their count, or -1 to decline. */
  private payers(paidBy: Record<MemberId, number>, amount: number): number {
    if (paidBy === null || typeof paidBy !== 'object') return -1
    let count = 0
    let sum = 0
    for (const member in paidBy) {
      const paid = paidBy[member]
      if (!isMinor(paid) || (amount > 0 ? paid < 0 : paid > 0)) return -1
      const i = this.index[member]
      if (i === undefined) return -1
      this.payIndex[count] = i
      this.payValue[count] = paid
      count++
      sum += paid
    }
    return count === 0 || sum !== amount ? -1 : count
  }

  /** Stages `owed` for the member of rank r, known not to be staged yet for this expense. */
  private oweFirst(r: number, owed: number): void {
    if (this.direct) {
      this.totals[this.byRank[r]!]! -= owed
      return
    }
    this.stamp[this.byRank[r]!] = this.epoch
    this.owedAt[r] = owed
    this.touched[this.touchedCount++] = r
  }

  /** Stages `owed` (signed) for the member of rank r. */
  private owe(r: number, owed: number): void {
    if (this.stamp[this.byRank[r]!] !== this.epoch) {
      this.stamp[this.byRank[r]!] = this.epoch
      this.owedAt[r] = owed
      this.touched[this.touchedCount++] = r
    } else this.owedAt[r]! += owed
  }

  /** Sorts the first m (distinct) ranks: insertion sort when short, else a scan over all ranks. */
  private sortRanks(m: number): void {
    const n = this.rank.length
    if (m <= 24 || m * 8 < n) {
      sortPrefix(this.ranks, m)
      return
    }
    const marks = this.marks
    for (let j = 0; j < m; j++) marks[this.ranks[j]!] = 1
    let j = 0
    for (let r = 0; r < n; r++) {
      if (marks[r] === 1) {
        marks[r] = 0
        this.ranks[j++] = r
      }
    }
  }

  /** Ranks of `members` into this.ranks (unsorted); false for an unknown or repeated member. */
  private collectRanks(members: readonly MemberId[]): boolean {
    const m = members.length
    const epoch = ++this.seenEpoch
    for (let j = 0; j < m; j++) {
      const i = this.index[members[j]!]
      if (i === undefined || this.seen[i] === epoch) return false
      this.seen[i] = epoch
      this.ranks[j] = this.rank[i]!
    }
    return true
  }

  private equal(total: number, members: readonly MemberId[], id: string): boolean {
    if (!Array.isArray(members) || members.length === 0 || !this.collectRanks(members)) return false
    this.equalOnto(total, members.length, id)
    return true
  }

  /** Equal split of `total` over the m (distinct, nothing staged yet) members whose ranks are in this.ranks (as `allocate` with weights 1). */
  private equalOnto(total: number, m: number, id: string): void {
    const abs = Math.abs(total)
    const k = abs % m
    const q = (abs - k) / m
    const sign = total < 0 ? -1 : 1
    if (k === 0) {
      for (let p = 0; p < m; p++) this.oweFirst(this.ranks[p]!, sign * q)
      return
    }
    // the k extra units go to the members at rotated positions 0..k-1 in id order
    this.sortRanks(m)
    const offset = stableHash(id) % m
    for (let p = 0; p < m; p++) {
      const rotated = p >= offset ? p - offset : p - offset + m
      this.oweFirst(this.ranks[p]!, sign * (rotated < k ? q + 1 : q))
    }
  }

  private weighted(total: number, weights: Record<MemberId, number>, id: string, percent: boolean): boolean {
    if (weights === null || typeof weights !== 'object') return false
    let m = 0
    let sumW = 0
    for (const member in weights) {
      const w = weights[member]
      if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0 || (percent && w > 10000)) return false
      const i = this.index[member]
      if (i === undefined) return false
      const r = this.rank[i]!
      this.ranks[m++] = r
      this.weightAt[r] = w
      sumW += w
    }
    if (m === 0) return false
    if (percent ? sumW !== 10000 : sumW === 0 || !Number.isSafeInteger(sumW)) return false
    if (!this.allocateStaged(total, m, id)) return false
    const sign = total < 0 ? -1 : 1
    for (let p = 0; p < m; p++) this.oweFirst(this.ranks[p]!, sign * this.quotient[p]!)
    return true
  }

  private exact(total: number, amounts: Record<MemberId, number>): boolean {
    if (amounts === null || typeof amounts !== 'object') return false
    let m = 0
    let sum = 0
    for (const member in amounts) {
      const owed = amounts[member]
      if (!isMinor(owed) || (total > 0 ? owed < 0 : owed > 0)) return false
      const i = this.index[member]
      if (i === undefined) return false
      this.ranks[m] = this.rank[i]!
      this.remainder[m++] = owed
      sum += owed
    }
    if (m === 0 || sum !== total) return false
    for (let j = 0; j < m; j++) this.oweFirst(this.ranks[j]!, this.remainder[j]!)
    return true
  }

  private adjust(total: number, members: readonly MemberId[], adjustments: Record<MemberId, number>, id: string): boolean {
    if (!Array.isArray(members) || members.length === 0 || adjustments === null || typeof adjustments !== 'object') return false
    const keys = Object.keys(adjustments)
    let adjusted = 0
    for (const member of keys) {
      const adjustment = adjustments[member]
      if (!isMinor(adjustment) || this.index[member] === undefined) return false
      adjusted += adjustment
    }
    const rest = total - adjusted
    if (!Number.isSafeInteger(rest) || (total > 0 ? rest < 0 : rest > 0)) return false
    if (!this.collectRanks(members)) return false
    this.equalOnto(rest, members.length, id)
    for (const member of keys) this.owe(this.rank[this.index[member]!]!, adjustments[member]!)
    for (let t = 0; t < this.touchedCount; t++) {
      const owed = this.owedAt[this.touched[t]!]!
      if (total > 0 ? owed < 0 : owed > 0) return false
    }
    return true
  }
}
