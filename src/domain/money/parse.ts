import { DomainError } from '../errors'
import type { CurrencyCode, Minor } from '../types'
import { DEFAULT_CURRENCY, minorDigits } from './currencies'
import { pow10 } from './pow10'

/** Options of {@link parseMoney}. Both default to false: an expense amount is positive. */
export interface ParseMoneyOptions {
  allowNegative?: boolean
  allowZero?: boolean
}

/** The largest amount in major units, in any currency (100,000,000.00 CNY; 100,000,000 JPY). */
export const MAX_MAJOR_UNITS = 100_000_000

/** Symbols and codes accepted before or after the number, per currency (after NFKC, upper-cased). */
const SYMBOLS: Record<string, readonly string[]> = {
  CNY: ['¥', 'CN¥', 'RMB', '元', 'CNY'],
  USD: ['$', 'US$', 'USD'],
  EUR: ['€', 'EUR'],
  HKD: ['$', 'HK$', 'HKD'],
  GBP: ['£', 'GBP'],
  JPY: ['¥', 'JP¥', '円', 'JPY'],
  KRW: ['₩', '￦', '원', 'KRW'],
  TWD: ['$', 'NT$', 'TWD'],
  SGD: ['$', 'S$', 'SGD'],
  THB: ['฿', 'THB'],
  AUD: ['$', 'A$', 'AU$', 'AUD'],
  CAD: ['$', 'C$', 'CA$', 'CAD']
}

const fail = (code: 'MONEY_FORMAT' | 'MONEY_EMPTY', input: string, why: string): never => {
  throw new DomainError(code, why, { input })
}

/** Splits the numeric core ("1,234.50", "12,50", "1.234,50") into integer and fraction digits. */
function splitNumber(core: string, input: string): { int: string; frac: string } {
  if (!/^[\d.,]+$/.test(core) || !/\d/.test(core)) {
    return fail('MONEY_FORMAT', input, `Not an amount: ${JSON.stringify(input)}.`)
  }
  const dots = core.split('.').length - 1
  const commas = core.split(',').length - 1
  let group = ''
  let decimal = ''
  if (dots > 0 && commas > 0) {
    decimal = core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ','
    group = decimal === '.' ? ',' : '.'
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ','
    const [before, after] = core.split(sep) as [string, string]
    // "1,234" is one thousand two hundred and thirty-four; "12,50" is twelve and a half.
    if (sep === ',' && after.length === 3 && before.length >= 1 && before.length <= 3) group = ','
    else decimal = sep
  } else if (dots + commas > 1) {
    if (dots && commas) return fail('MONEY_FORMAT', input, `Not an amount: ${JSON.stringify(input)}.`)
    group = dots ? '.' : ','
  }
  let intPart = core
  let frac = ''
  if (decimal) {
    const at = core.lastIndexOf(decimal)
    intPart = core.slice(0, at)
    frac = core.slice(at + 1)
    if (!/^\d*$/.test(frac) || intPart.includes(decimal)) {
      return fail('MONEY_FORMAT', input, `Not an amount: ${JSON.stringify(input)}.`)
    }
  }
  if (group) {
    const groups = intPart.split(group)
    const ok = /^\d{1,3}$/.test(groups[0] as string) && groups.slice(1).every((g) => /^\d{3}$/.test(g))
    if (!ok) return fail('MONEY_FORMAT', input, `Misplaced thousands separator in ${JSON.stringify(input)}.`)
    intPart = groups.join('')
  }
  if (!/^\d*$/.test(intPart) || intPart.length + frac.length === 0) {
    return fail('MONEY_FORMAT', input, `Not an amount: ${JSON.stringify(input)}.`)
  }
  return { int: intPart, frac }
}

/**
 * Parses what a person typed into an integer amount of minor units of `currency` (default CNY).
 * Accepts "12.5", "12.50", "¥12.5", "12,50" (decimal comma), "1,234.50", "1.234,50", full-width
 * digits and "￥", a sign before or after the symbol, and a symbol or ISO code that fits the currency.
 * Throws a {@link DomainError}: MONEY_EMPTY, MONEY_FORMAT (anything else, incl. NaN, Infinity and
 * exponent notation), MONEY_DECIMALS (more decimals than the currency has), MONEY_NEGATIVE,
 * MONEY_ZERO, MONEY_TOO_LARGE (over 100,000,000 major units), CURRENCY_UNKNOWN.
 */
export function parseMoney(input: string, currency: CurrencyCode = DEFAULT_CURRENCY, opts: ParseMoneyOptions = {}): Minor {
  const digits = minorDigits(currency)
  if (typeof input !== 'string') {
    throw new DomainError('MONEY_FORMAT', `An amount must be text, got ${typeof input}.`)
  }
  const text = input
    .normalize('NFKC')
    .replace(/[\u2212\uFE63\uFF0D]/g, '-')
    .replace(/[\u3002\uFF61]/g, '.')
    .trim()
  if (text === '') return fail('MONEY_EMPTY', input, 'Enter an amount.')
  if (/\d\s*[eE]\s*[+-]?\s*\d/.test(text)) {
    return fail('MONEY_FORMAT', input, `Exponent notation is not accepted: ${JSON.stringify(input)}.`)
  }
  if (/nan|infinity|∞/i.test(text)) return fail('MONEY_FORMAT', input, `Not an amount: ${JSON.stringify(input)}.`)

  const match = /^([+-]?)\s*([^\d\s.,+-]*)\s*([+-]?)\s*([\d.,]*)\s*([^\d\s.,+-]*)$/.exec(text)
  if (!match) return fail('MONEY_FORMAT', input, `Not an amount: ${JSON.stringify(input)}.`)
  const [, sign1, prefix, sign2, core, suffix] = match as unknown as [string, string, string, string, string, string]
  if (sign1 && sign2) return fail('MONEY_FORMAT', input, `Two signs in ${JSON.stringify(input)}.`)
  const symbols = SYMBOLS[currency] ?? [currency]
  for (const symbol of [prefix, suffix]) {
    if (symbol && !symbols.includes(symbol.toUpperCase())) {
      return fail('MONEY_FORMAT', input, `${JSON.stringify(symbol)} is not a symbol of ${currency}.`)
    }
  }
  if (prefix && suffix) return fail('MONEY_FORMAT', input, `Two currency symbols in ${JSON.stringify(input)}.`)
  if (core === '') return fail('MONEY_EMPTY', input, 'Enter an amount.')

  const { int, frac } = splitNumber(core, input)
  if (frac.length > digits) {
    throw new DomainError(
      'MONEY_DECIMALS',
      digits === 0
        ? `${currency} amounts have no decimals: ${JSON.stringify(input)}.`
        : `${currency} amounts have at most ${digits} decimals: ${JSON.stringify(input)}.`,
      { input, digits }
    )
  }
  const value = BigInt((int || '0') + frac.padEnd(digits, '0'))
  const cap = BigInt(MAX_MAJOR_UNITS) * pow10(digits)
  if (value > cap) {
    throw new DomainError('MONEY_TOO_LARGE', `The amount is too large (at most 100,000,000 ${currency}).`, { input })
  }
  if (value === 0n) {
    if (!opts.allowZero) throw new DomainError('MONEY_ZERO', 'The amount must not be zero.', { input })
    return 0
  }
  const negative = (sign1 || sign2) === '-'
  if (negative && !opts.allowNegative) {
    throw new DomainError('MONEY_NEGATIVE', 'The amount must not be negative.', { input })
  }
  const amount = Number(value)
  return negative ? -amount : amount
}
