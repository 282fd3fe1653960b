/** Plan scores: numbers, or bigint when a score could pass 2^53 (huge balances in a big group). */
export type Score = number | bigint

export interface ScoreMath {
  zero: Score
  add(a: Score, b: Score): Score
  sub(a: Score, b: Score): Score
  /** amount * weight, both safe integers. */
  times(amount: number, weight: number): Score
  compare(a: Score, b: Score): number
}

const small: ScoreMath = {
  zero: 0,
  add: (a, b) => (a as number) + (b as number),
  sub: (a, b) => (a as number) - (b as number),
  times: (amount, weight) => amount * weight,
  compare: (a, b) => (a as number) - (b as number)
}

const big: ScoreMath = {
  zero: 0n,
  add: (a, b) => (a as bigint) + (b as bigint),
  sub: (a, b) => (a as bigint) - (b as bigint),
  times: (amount, weight) => BigInt(amount) * BigInt(weight),
  compare: (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0)
}

export const scoreArithmetic = (needsBigInt: boolean): ScoreMath => (needsBigInt ? big : small)

/** Set bits of a 32-bit mask. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
