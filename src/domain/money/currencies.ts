import { DomainError } from '../errors'
import type { CurrencyCode } from '../types'

/**
 * The currencies the app offers, with the number of digits of their minor unit
 * (CNY 2: 1 yuan = 100 fen; JPY 0: amounts are whole yen). Iteration order is the order offered.
 */
export const currencies: Readonly<Record<string, number>> = Object.freeze({
  CNY: 2,
  USD: 2,
  EUR: 2,
  HKD: 2,
  GBP: 2,
  JPY: 0,
  KRW: 0,
  TWD: 2,
  SGD: 2,
  THB: 2,
  AUD: 2,
  CAD: 2
})

/** The offered ISO codes, in order. */
export const currencyCodes: readonly CurrencyCode[] = Object.freeze(Object.keys(currencies))

/** The default group currency. */
export const DEFAULT_CURRENCY: CurrencyCode = 'CNY'

/** True when `code` is an offered currency. */
export function isCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(currencies, code)
}

/** Minor-unit digits of `currency` (2 for CNY, 0 for JPY); throws CURRENCY_UNKNOWN otherwise. */
export function minorDigits(currency: CurrencyCode): number {
  if (!isCurrency(currency)) {
    throw new DomainError('CURRENCY_UNKNOWN', `Unknown or unsupported currency: ${String(currency)}.`, {
      currency: String(currency)
    })
  }
  return currencies[currency] as number
}
