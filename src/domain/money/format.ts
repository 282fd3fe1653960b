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

/** Currency names as a screen reader should say them (the plural in English; unknown codes stay codes). */
const SPOKEN: Record<MoneyLocale, Record<string, string>> = {
  'zh-CN': {
    CNY: '元', USD: '美元', EUR: '欧元', HKD: '港元', GBP: '英镑', JPY: '日元', KRW: '韩元', TWD: '新台币',
    SGD: '新加坡元', THB: '泰铢', AUD: '澳元', CAD: '加元'
  },
  en: {
    CNY: 'yuan', USD: 'US dollars', EUR: 'euros', HKD: 'Hong Kong dollars', GBP: 'pounds', JPY: 'yen', KRW: 'won',
    TWD: 'New Taiwan dollars', SGD: 'Singapore dollars', THB: 'baht', AUD: 'Australian dollars', CAD: 'Canadian dollars'
  }
}

/**
 * An amount as a screen reader should say it, not as its symbols read: `spokenMoney(-1230)` -> "负12.30元",
 * `spokenMoney(-1230, 'CNY', 'en')` -> "minus 12.30 yuan" (a screen reader reads "-¥12.30" as "dash yen ...").
 */
export function spokenMoney(amount: Minor, currency: CurrencyCode = DEFAULT_CURRENCY, locale: MoneyLocale = 'zh-CN'): string {
  const plain = toDecimalString(Math.abs(amount), currency)
  const name = (SPOKEN[locale] ?? SPOKEN['zh-CN'])[currency] ?? currency
  if (locale === 'en') return `${amount < 0 ? 'minus ' : ''}${plain} ${name}`
  return `${amount < 0 ? '负' : ''}${plain}${name}`
}
