import type { CurrencyCode, Minor, MoneyLocale } from '../types'
import { DEFAULT_CURRENCY, minorDigits } from './currencies'
import { assertMinor } from './minor'

/** Currency symbols per locale, the same ones `Intl.NumberFormat` uses (not every runtime has Intl). */
const SYMBOLS: Record<MoneyLocale, Record<string, string>> = {
  'zh-CN': {
    CNY: '¥', USD: 'US$', EUR: '€', HKD: 'HK$', GBP: '£', JPY: 'JP¥', KRW: '₩', TWD: 'NT$',
    SGD: 'SGD\u00a0', THB: 'THB\u00a0', AUD: 'AU$', CAD: 'CA$'
  },
  en: {
    CNY: 'CN¥', USD: '$', EUR: '€', HKD: 'HK$', GBP: '£', JPY: '¥', KRW: '₩', TWD: 'NT$',
    SGD: 'SGD\u00a0', THB: 'THB\u00a0', AUD: 'A$', CAD: 'CA$'
  }
}

/**
 * Writes minor units as a plain decimal string for an input field: 1230 CNY -> "12.30",
 * -500 -> "-5.00", 1200 JPY -> "1200". `parseMoney` reads it back.
 */
export function toDecimalString(amount: Minor, currency: CurrencyCode = DEFAULT_CURRENCY): string {
  assertMinor(amount)
  const digits = minorDigits(currency)
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0')
  const int = abs.slice(0, abs.length - digits)
  const frac = abs.slice(abs.length - digits)
  return `${amount < 0 ? '-' : ''}${int}${digits ? `.${frac}` : ''}`
}

/**
 * Formats minor units for display: `formatMoney(1230)` -> "¥12.30", `formatMoney(-500)` -> "-¥5.00",
 * `formatMoney(1200, 'JPY')` -> "JP¥1,200" (zh-CN) / "¥1,200" (en). Thousands grouped with commas,
 * exactly the currency's decimals. Throws MONEY_NOT_INTEGER / CURRENCY_UNKNOWN.
 */
export function formatMoney(amount: Minor, currency: CurrencyCode = DEFAULT_CURRENCY, locale: MoneyLocale = 'zh-CN'): string {
  const plain = toDecimalString(amount, currency)
  const negative = plain.startsWith('-')
  const [int, frac] = (negative ? plain.slice(1) : plain).split('.') as [string, string | undefined]
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const symbol = (SYMBOLS[locale] ?? SYMBOLS['zh-CN'])[currency] ?? `${currency}\u00a0`
  return `${negative ? '-' : ''}${symbol}${grouped}${frac === undefined ? '' : `.${frac}`}`
}
