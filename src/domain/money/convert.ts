import { DomainError } from '../errors'
import type { CurrencyCode, Minor } from '../types'
import { minorDigits } from './currencies'
import { assertMinor } from './minor'
import { divRoundHalfAway, parseRate } from './rational'
import { pow10 } from './pow10'

/**
 * Converts `amount` (minor units of `fromCurrency`) into minor units of `toCurrency` at `rate`
 * (a decimal string: `toCurrency` major units per one `fromCurrency` major unit), exactly with
 * BigInt, rounding once, half away from zero. E.g. 1200 JPY at "0.0485" -> 5820 (fen).
 * Same currency: the amount unchanged (the rate is not used).
 */
export function convertAmount(amount: Minor, rate: string, fromCurrency: CurrencyCode, toCurrency: CurrencyCode): Minor {
  const fromDigits = minorDigits(fromCurrency)
  const toDigits = minorDigits(toCurrency)
  assertMinor(amount)
  if (fromCurrency === toCurrency) return amount
  const { num, den } = parseRate(rate)
  const scaledNum = BigInt(amount) * num * pow10(toDigits)
  const scaledDen = den * pow10(fromDigits)
  const result = divRoundHalfAway(scaledNum, scaledDen)
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError('MONEY_TOO_LARGE', 'The converted amount is too large.')
  }
  const converted = Number(result)
  return converted === 0 ? 0 : converted
}

/**
 * The amount of `expense` in the group currency: unchanged when the expense has no currency, no
 * group currency is given, or both are the same; otherwise converted once at the expense's rate
 * (RATE_REQUIRED without one). Returns whether a conversion happened.
 */
export function expenseTotal(
  expense: { amount: Minor; currency?: CurrencyCode; rate?: string },
  groupCurrency?: CurrencyCode
): { total: Minor; converted: boolean } {
  const { amount, currency, rate } = expense
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('MONEY_NOT_INTEGER', `An amount must be a whole number of minor units, got ${String(amount)}.`)
  }
  if (amount === 0) throw new DomainError('MONEY_ZERO', 'An expense amount must not be zero.')
  if (currency === undefined || groupCurrency === undefined || currency === groupCurrency) {
    return { total: amount, converted: false }
  }
  if (rate === undefined || rate === '') {
    throw new DomainError('RATE_REQUIRED', `An exchange rate from ${currency} to ${groupCurrency} is required.`)
  }
  return { total: convertAmount(amount, rate, currency, groupCurrency), converted: true }
}
