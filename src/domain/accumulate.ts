import { allocateSorted, convertSorted } from './allocate'
import { convertAmount } from './money/convert'
import { isCurrency } from './money/currencies'
import { isRate } from './money/rational'
import { wrongSign } from './split/exact'
import { FULL_BASIS_POINTS, isBasisPoints } from './split/percent'
import { isShare, isShareTotal } from './split/shares'
import type { Expense, MemberId } from './types'

/**
 * The rules this loop calls per member or per expense, read once: under tsx's CommonJS output (as
 * `bench:ledger` runs) every use of an imported binding goes through two getters, a tenth of the budget here.
 */
const rule = { allocateSorted, convertSorted, wrongSign, isShare, isShareTotal, isBasisPoints }

/**
 * The members of one expense with a value each (who paid how much, or who owes how much), as parallel
 * arrays: `ranks[0..count)` are the members' positions in member-id order, `values` their values.
 */
class Staged {
  count = 0
  readonly ranks: Int32Array
  readonly values: Float64Array
  private readonly stamp: Int32Array
  private epoch = 0
  /** Rank -> value, scratch for sorting many members. */
  private readonly byRank: Float64Array
  private readonly marks: Uint8Array

  constructor(n: number) {
    this.ranks = new Int32Array(n)
    this.values = new Float64Array(n)
    this.stamp = new Int32Array(n)
    this.byRank = new Float64Array(n)
    this.marks = new Uint8Array(n)
  }

  clear(): void {
    this.count = 0
    this.epoch++
  }

  /** Adds the member of rank r with `value`; false (and nothing added) when r is already there. */
  put(r: number, value: number): boolean {
    if (this.stamp[r] === this.epoch) return false
    this.stamp[r] = this.epoch
    this.ranks[this.count] = r
    this.values[this.count++] = value
    return true
  }

  /** Adds `value` to the member of rank r (added with `value` when not there yet). */
  add(r: number, value: number): void {
    if (this.put(r, value)) return
    let i = 0
    while (this.ranks[i] !== r) i++
    this.values[i]! += value
  }

  /** Puts the lists in member-id order: insertion sort when short, else a scan over all ranks. */
  private sort(): void {
    const { ranks, values, count: m } = this
    const n = this.stamp.length
    if (m <= 24 || m * 8 < n) {
      for (let i = 1; i < m; i++) {
        const r = ranks[i]!
        const v = values[i]!
        let j = i - 1
        for (; j >= 0 && ranks[j]! > r; j--) {
          ranks[j + 1] = ranks[j]!
          values[j + 1] = values[j]!
        }
        ranks[j + 1] = r
        values[j + 1] = v
      }
    } else {
      for (let i = 0; i < m; i++) {
        this.marks[ranks[i]!] = 1
        this.byRank[ranks[i]!] = values[i]!
      }
      for (let r = 0, i = 0; r < n; r++) {
        if (this.marks[r] === 1) {
          this.marks[r] = 0
          ranks[i] = r
          values[i++] = this.byRank[r]!
        }
      }
    }
  }

  /** Replaces the values (weights) by their parts of `total`: `allocate` over them. */
  allocate(total: number, seed: string): void {
    this.sort()
    rule.allocateSorted(total, this.values, this.count, seed, this.values)
  }

  /** Replaces the values (amounts in another currency) by parts of `total` in proportion to them: `convertParts`. */
  convert(total: number, seed: string): void {
    this.sort()
    rule.convertSorted(total, this.values, this.count, seed, this.values)
  }
}

/**
 * Adds expenses onto per-member totals without allocating per expense: the hot loop of
 * `computeBalances`. It computes what `payerEntries` and `splitEntries` compute, through the same
 * rules: every allocation (the split modes, the conversion of amounts and payers) is `allocateSorted`,
 * the core of `allocate`, over members in id order (through precomputed ranks), and the checks come
 * from split/*; a property test checks that both paths agree. It only takes an expense whose every
 * rule holds (a foreign-currency one included); for anything else `add` returns false without
 * touching the totals, and the caller takes the general path, which throws the right DomainError.
 */
export class Accumulator {
  /** paid - owed per member index. */
  readonly totals: Float64Array
  /** Member id -> rank (position in id order), as a prototype-free object (faster to read than a Map here). */
  private readonly rank: Record<MemberId, number | undefined>
  /** Rank -> member index. */
  private readonly byRank: Int32Array
  private readonly paid: Staged
  private readonly owed: Staged

  constructor(index: Map<MemberId, number>) {
    const n = index.size
    const ids = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    this.rank = Object.create(null) as Record<MemberId, number | undefined>
    this.byRank = new Int32Array(n)
    ids.forEach((member, r) => {
      this.rank[member] = r
      this.byRank[r] = index.get(member)!
    })
    this.totals = new Float64Array(n)
    this.paid = new Staged(n)
    this.owed = new Staged(n)
  }

  /** Adds `expense` (paid - owed) and returns true, or returns false and changes nothing. */
  add(expense: Expense, groupCurrency?: string): boolean {
    const { paid, owed } = this
    paid.clear()
    owed.clear()
    const amount = expense.amount
    if (!Number.isSafeInteger(amount) || amount === 0 || !this.amounts(expense.paidBy, amount, paid)) return false
    const currency = expense.currency
    let total = amount
    const converted = currency !== undefined && groupCurrency !== undefined && currency !== groupCurrency
    if (converted) {
      const rate = expense.rate
      if (!isCurrency(currency) || !isCurrency(groupCurrency) || !isRate(rate)) return false
      total = convertAmount(amount, rate, currency, groupCurrency)
    }
    const split = expense.split
    if (split === null || typeof split !== 'object') return false
    const id = String(expense.id)
    switch (split.mode) {
      // equal, shares and percent split the converted total; exact and adjust convert their parts
      case 'equal':
        if (!this.members(split.members)) return false
        owed.allocate(total, id)
        break
      case 'shares':
        if (!this.weights(split.shares, false)) return false
        owed.allocate(total, id)
        break
      case 'percent':
        if (!this.weights(split.basisPoints, true)) return false
        owed.allocate(total, id)
        break
      case 'exact':
        if (!this.amounts(split.amounts, amount, owed)) return false
        if (converted) owed.convert(total, id)
        break
      case 'adjust':
        if (!this.adjust(amount, split.members, split.adjustments, id)) return false
        if (converted) owed.convert(total, id)
        break
      default:
        return false
    }
    const { totals, byRank } = this
    if (converted) paid.convert(total, `${id}/paid`)
    for (let i = 0; i < paid.count; i++) totals[byRank[paid.ranks[i]!]!]! += paid.values[i]!
    for (let i = 0; i < owed.count; i++) totals[byRank[owed.ranks[i]!]!]! -= owed.values[i]!
    return true
  }

  /** Stages `members` with weight 1 each (`equalWeights`); false for none, an unknown or a repeated one. */
  private members(members: readonly MemberId[]): boolean {
    if (!Array.isArray(members) || members.length === 0) return false
    for (let i = 0; i < members.length; i++) {
      const r = this.rank[members[i]!]
      if (r === undefined || !this.owed.put(r, 1)) return false
    }
    return true
  }

  /** Stages shares or basis points as weights (`shareWeights` / `percentWeights`); false to decline. */
  private weights(weights: Record<MemberId, number>, percent: boolean): boolean {
    if (weights === null || typeof weights !== 'object') return false
    let sum = 0
    for (const member in weights) {
      const w = weights[member]
      const r = this.rank[member]
      if (!(percent ? rule.isBasisPoints(w) : rule.isShare(w)) || r === undefined) return false
      this.owed.put(r, w)
      sum += w
    }
    return this.owed.count > 0 && (percent ? sum === FULL_BASIS_POINTS : rule.isShareTotal(sum))
  }

  /**
   * Stages amounts paid (`payerParts`) or owed (`splitExact`) into `into`: at least one, each a safe
   * integer with the sign of `amount` or 0, totalling `amount`; false to decline.
   */
  private amounts(amounts: Record<MemberId, number>, amount: number, into: Staged): boolean {
    if (amounts === null || typeof amounts !== 'object') return false
    let sum = 0
    for (const member in amounts) {
      const value = amounts[member]!
      const r = this.rank[member]
      if (!Number.isSafeInteger(value) || rule.wrongSign(amount, value) || r === undefined) return false
      into.put(r, value)
      sum += value
    }
    return into.count > 0 && sum === amount
  }

  /** Stages an equal split of the rest plus the adjustments (`splitAdjust`); false to decline. */
  private adjust(amount: number, members: readonly MemberId[], adjustments: Record<MemberId, number>, id: string): boolean {
    if (adjustments === null || typeof adjustments !== 'object') return false
    let adjusted = 0
    for (const member in adjustments) {
      const value = adjustments[member]!
      if (!Number.isSafeInteger(value) || this.rank[member] === undefined) return false
      adjusted += value
    }
    const rest = amount - adjusted
    if (!Number.isSafeInteger(rest) || rule.wrongSign(amount, rest) || !this.members(members)) return false
    const owed = this.owed
    owed.allocate(rest, id)
    for (const member in adjustments) owed.add(this.rank[member]!, adjustments[member]!)
    for (let i = 0; i < owed.count; i++) if (rule.wrongSign(amount, owed.values[i]!)) return false
    return true
  }
}
