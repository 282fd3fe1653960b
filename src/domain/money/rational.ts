import { DomainError } from '../errors'
import { pow10 } from './pow10'

/** An exact non-negative rational number `num / den` (den > 0), in BigInt. */
export interface Rational {
  num: bigint
  den: bigint
}

/** At most this many digits before / after the decimal point of a rate. */
const RATE_PATTERN = /^(\d{1,10})(?:\.(\d{1,12}))?$/

/** True when `rate` is a decimal string the domain accepts as an exchange rate (> 0, no exponent). */
export function isRate(rate: unknown): rate is string {
  if (typeof rate !== 'string') return false
  const match = RATE_PATTERN.exec(rate)
  if (!match) return false
  return /[1-9]/.test(rate)
}

/**
 * Parses an exchange rate such as `"0.0485"` exactly into `485 / 10000`. Only plain decimal
 * strings with up to 10 integer and 12 fraction digits, greater than 0, are accepted (RATE_INVALID).
 */
export function parseRate(rate: string): Rational {
  const cached = cache.get(rate)
  if (cached) return cached
  if (!isRate(rate)) {
    throw new DomainError('RATE_INVALID', `Invalid exchange rate: ${JSON.stringify(String(rate))}; use a positive decimal such as 0.0485.`)
  }
  const match = RATE_PATTERN.exec(rate) as RegExpExecArray
  const fraction = match[2] ?? ''
  const parsed = Object.freeze({ num: BigInt(match[1] + fraction), den: pow10(fraction.length) })
  if (cache.size >= 1000) cache.clear()
  cache.set(rate, parsed)
  return parsed
}

/** Parsed rates: a ledger uses few distinct rates many times. */
const cache = new Map<string, Rational>()

/** `n / d` rounded half away from zero (d > 0). */
export function divRoundHalfAway(n: bigint, d: bigint): bigint {
  const negative = n < 0n
  const abs = negative ? -n : n
  const q = (abs * 2n + d) / (2n * d)
  return negative ? -q : q
}
