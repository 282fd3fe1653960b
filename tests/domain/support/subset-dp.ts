import type { Transfer } from '@/domain'
import { northwest } from '@/domain/settlement/northwest'
import type { Party } from '@/domain/settlement/types'

/** The exact solver handles up to this many members with a non-zero balance (2^20 subsets). */
export const SUBSET_DP_LIMIT = 24

/** Up to this many zero-sum subsets they are combined pairwise; above, the full subset DP is cheaper. */
const SPARSE_LIMIT = 3000

/** Plan scores; bigint only when a number could lose precision (huge balances in a huge group). */
type Score = number | bigint

const ctz = (x: number): number => 31 - Math.clz32(x & -x)

/** Buffers reused between calls (the 2^20 tables are 21 MB; allocating them each time costs more than the work). */
let buffers: { size: number; sums: Float64Array; groups: Uint8Array; choice: Int32Array } | null = null
function tables(size: number) {
  if (!buffers || buffers.size < size) {
    buffers = {
      size,
      sums: new Float64Array(size),
      groups: new Uint8Array(size),
      choice: new Int32Array(size)
    }
  }
  return buffers
}

/**
 * The settlement with the fewest transfers for up to {@link SUBSET_DP_LIMIT} parties (non-zero balances
 * summing to 0), chosen canonically so that it is stable:
 *
 * 1. `groups[mask]` = the largest number of zero-sum parts a zero-sum `mask` can be cut into (subset
 *    sums over all 2^n bitmasks on typed arrays; then either the zero-sum subsets combined pairwise
 *    when there are few, or the O(2^n * n) subset DP). n - groups[all] is the minimum number of
 *    transfers: each zero-sum part of k parties settles in k - 1 transfers and no plan does better.
 * 2. Among all partitions into that many parts, each part settled by the northwest walk
 *    ({@link northwest}), the plan maximising sum(amount * (rank(from)+1) * (rank(to)+1)) is chosen;
 *    remaining ties go to the plan containing the smallest (from, to) pair in which the candidates differ.
 *
 * Why this is stable: the plan is the unique optimum, over ALL minimum plans, of an objective that is a
 * sum over its transfers (count first, then the rank score, then the pair order). If transfer t of plan P
 * for balances B is paid, P - t settles B - t with one transfer fewer, which is the minimum; and any minimum
 * plan Q of B - t gives the minimum plan Q + t of B. So if some Q beat P - t, Q + t would beat P. Hence the
 * plan of the remaining balances is exactly the remaining transfers (ranks are taken over all members of
 * the balances, zeros included, so they do not move when someone is settled).
 */
export function subsetDpPlan(parties: readonly Party[], totalMembers: number): Transfer[] {
  const n = parties.length
  if (n === 0) return []
  if (n > SUBSET_DP_LIMIT) throw new RangeError(`exactPlan handles at most ${SUBSET_DP_LIMIT} parties`)
  const size = 1 << n
  const full = size - 1
  const { sums, groups, choice } = tables(size)
  const score = new Map<number, Score>()
  const balance = parties.map((p) => p.balance)

  // Subset sums, and the zero-sum subsets in increasing order.
  sums[0] = 0
  for (let i = 0; i < n; i++) {
    const bit = 1 << i
    const value = balance[i]!
    for (let mask = 0; mask < bit; mask++) sums[bit | mask] = sums[mask]! + value
  }
  let zeroCount = 0
  for (let mask = 1; mask < size; mask++) if (sums[mask] === 0) zeroCount++
  const zeroSum = new Int32Array(zeroCount)
  for (let mask = 1, k = 0; mask < size; mask++) if (sums[mask] === 0) zeroSum[k++] = mask

  // groups[mask] for every zero-sum mask: the most zero-sum parts it can be cut into.
  groups[0] = 0
  if (zeroCount <= SPARSE_LIMIT) {
    // Few zero-sum subsets (the usual case): combine them directly, O(z^2).
    for (let k = 0; k < zeroCount; k++) {
      const mask = zeroSum[k]!
      const low = mask & -mask
      let best = 1
      for (let j = 0; j < k; j++) {
        const part = zeroSum[j]!
        if ((part & low) !== 0 && (part & mask) === part) {
          const v = groups[mask ^ part]! + 1
          if (v > best) best = v
        }
      }
      groups[mask] = best
    }
  } else {
    // Many zero-sum subsets (many equal amounts): the O(2^n * n) subset DP over all masks.
    for (let mask = 1; mask < size; mask++) {
      let best = 0
      let m = mask
      while (m !== 0) {
        const b = m & -m
        const v = groups[mask ^ b]!
        if (v > best) best = v
        m ^= b
      }
      groups[mask] = sums[mask] === 0 ? best + 1 : best
    }
  }

  // Indecomposable zero-sum subsets ("atoms"), listed by their lowest member.
  const atomsByLow: number[][] = Array.from({ length: n }, () => [])
  for (let k = 0; k < zeroCount; k++) {
    const mask = zeroSum[k]!
    if (groups[mask] === 1) atomsByLow[ctz(mask)]!.push(mask)
  }

  // Scores of the northwest walk of each atom, computed when first needed.
  let debt = 0
  for (const b of balance) if (b > 0) debt += b
  const big = debt * (totalMembers + 1) * (totalMembers + 1) > Number.MAX_SAFE_INTEGER
  const zero: Score = big ? 0n : 0
  const add = big ? (a: Score, b: Score): Score => (a as bigint) + (b as bigint) : (a: Score, b: Score): Score => (a as number) + (b as number)
  const rankById = new Map(parties.map((p) => [p.id, p.rank] as const))
  const atomScore = new Map<number, Score>()
  const atomTransfers = (atom: number): Transfer[] => northwest(parties.filter((_, i) => (atom >> i) & 1))
  const scoreOf = (atom: number): Score => {
    let s = atomScore.get(atom)
    if (s === undefined) {
      s = zero
      for (const t of atomTransfers(atom)) {
        const r = (rankById.get(t.from)! + 1) * (rankById.get(t.to)! + 1)
        s = add(s, big ? BigInt(t.amount) * BigInt(r) : t.amount * r)
      }
      atomScore.set(atom, s)
    }
    return s
  }

  // Sorted (from, to) keys of the chosen plan of `mask`, to break exact score ties.
  const edgeKeys = (atoms: number[]): number[] => {
    const keys: number[] = []
    for (const atom of atoms) {
      for (const t of atomTransfers(atom)) keys.push(rankById.get(t.from)! * totalMembers + rankById.get(t.to)!)
    }
    return keys.sort((a, b) => a - b)
  }
  const atomsOf = (mask: number): number[] => {
    const out: number[] = []
    while (mask !== 0) {
      const atom = choice[mask]!
      out.push(atom)
      mask ^= atom
    }
    return out
  }
  /** True when plan `a` contains the smallest pair that is in exactly one of the two plans. */
  const preferred = (a: number[], b: number[]): boolean => {
    let i = 0
    let j = 0
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        i++
        j++
      } else return a[i]! < b[j]!
    }
    return i < a.length
  }

  const solve = (mask: number): void => {
    if (mask === 0 || score.has(mask)) return
    const low = ctz(mask)
    const target = groups[mask]! - 1
    let bestAtom = -1
    let bestScore: Score = zero
    for (const atom of atomsByLow[low]!) {
      if ((atom & mask) !== atom) continue
      const rest = mask ^ atom
      if (groups[rest] !== target) continue
      solve(rest)
      const s = add(scoreOf(atom), rest === 0 ? zero : score.get(rest)!)
      if (bestAtom === -1 || s > bestScore) {
        bestAtom = atom
        bestScore = s
      } else if (s === bestScore) {
        const current = [bestAtom, ...atomsOf(mask ^ bestAtom)]
        const candidate = [atom, ...atomsOf(rest)]
        if (preferred(edgeKeys(candidate), edgeKeys(current))) bestAtom = atom
      }
    }
    choice[mask] = bestAtom
    score.set(mask, bestScore)
  }
  solve(full)
  return atomsOf(full).flatMap(atomTransfers)
}
