import fc from 'fast-check'
import {
  convertAmount,
  currencies,
  currencyCodes,
  formatMoney,
  isRate,
  minorDigits,
  parseMoney,
  parseRate,
  toDecimalString
} from '@/domain'
import { codeOf } from './support/checks'

describe('currencies', () => {
  it('offers the agreed currencies with their minor-unit digits', () => {
    expect(currencies).toEqual({
      CNY: 2, USD: 2, EUR: 2, HKD: 2, GBP: 2, JPY: 0, KRW: 0, TWD: 2, SGD: 2, THB: 2, AUD: 2, CAD: 2
    })
    expect(currencyCodes[0]).toBe('CNY')
    expect(minorDigits('JPY')).toBe(0)
    expect(codeOf(() => minorDigits('XYZ'))).toBe('CURRENCY_UNKNOWN')
  })
})

describe('parseMoney', () => {
  it.each([
    ['12.5', 1250],
    ['12.50', 1250],
    ['12', 1200],
    ['¥12.5', 1250],
    ['￥12.5', 1250],
    ['１２．５０', 1250],
    ['￥１，２３４．５', 123450],
    ['12,50', 1250],
    ['1,234.50', 123450],
    ['1.234,50', 123450],
    ['1,234', 123400],
    ['1,234,567.89', 123456789],
    ['.5', 50],
    [' 7 ', 700],
    ['CNY 8', 800],
    ['8元', 800],
    ['0.01', 1],
    ['100,000,000.00', 10_000_000_000]
  ])('reads %j as %d fen', (input, fen) => {
    expect(parseMoney(input)).toBe(fen)
    expect(parseMoney(input, 'CNY')).toBe(fen)
  })

  it('reads whole-unit currencies', () => {
    expect(parseMoney('1,200', 'JPY')).toBe(1200)
    expect(parseMoney('¥1200', 'JPY')).toBe(1200)
    expect(parseMoney('100,000,000', 'JPY')).toBe(100_000_000)
    expect(parseMoney('₩5000', 'KRW')).toBe(5000)
    expect(parseMoney('US$3.10', 'USD')).toBe(310)
  })

  it('reads negative amounts only when allowed, and zero only when allowed', () => {
    expect(parseMoney('-5', 'CNY', { allowNegative: true })).toBe(-500)
    expect(parseMoney('-¥5.25', 'CNY', { allowNegative: true })).toBe(-525)
    expect(parseMoney('¥-5.25', 'CNY', { allowNegative: true })).toBe(-525)
    expect(parseMoney('−3', 'CNY', { allowNegative: true })).toBe(-300)
    expect(parseMoney('0', 'CNY', { allowZero: true })).toBe(0)
    expect(Object.is(parseMoney('-0.00', 'CNY', { allowZero: true, allowNegative: true }), 0)).toBe(true)
    expect(codeOf(() => parseMoney('-5'))).toBe('MONEY_NEGATIVE')
    expect(codeOf(() => parseMoney('0'))).toBe('MONEY_ZERO')
    expect(codeOf(() => parseMoney('0.00'))).toBe('MONEY_ZERO')
  })

  it.each([
    ['', 'MONEY_EMPTY'],
    ['   ', 'MONEY_EMPTY'],
    ['¥', 'MONEY_EMPTY'],
    ['abc', 'MONEY_FORMAT'],
    ['NaN', 'MONEY_FORMAT'],
    ['Infinity', 'MONEY_FORMAT'],
    ['1e5', 'MONEY_FORMAT'],
    ['1E-2', 'MONEY_FORMAT'],
    ['12.5.0', 'MONEY_FORMAT'],
    ['1,23,4', 'MONEY_FORMAT'],
    ['12 50', 'MONEY_FORMAT'],
    ['--5', 'MONEY_FORMAT'],
    ['$5', 'MONEY_FORMAT'],
    ['¥5¥', 'MONEY_FORMAT'],
    ['0x10', 'MONEY_FORMAT'],
    ['12.345', 'MONEY_DECIMALS'],
    ['0.001', 'MONEY_DECIMALS'],
    ['100,000,000.01', 'MONEY_TOO_LARGE'],
    ['999999999999999999999', 'MONEY_TOO_LARGE']
  ])('rejects %j with %s', (input, code) => {
    expect(codeOf(() => parseMoney(input))).toBe(code)
  })

  it('rejects decimals in a whole-unit currency and amounts over the cap in any currency', () => {
    expect(codeOf(() => parseMoney('12.5', 'JPY'))).toBe('MONEY_DECIMALS')
    expect(codeOf(() => parseMoney('100,000,001', 'JPY'))).toBe('MONEY_TOO_LARGE')
    expect(codeOf(() => parseMoney('5', 'XXX'))).toBe('CURRENCY_UNKNOWN')
    expect(codeOf(() => parseMoney(12 as unknown as string))).toBe('MONEY_FORMAT')
  })

  it('gives a message a person can act on', () => {
    expect(() => parseMoney('12.345')).toThrow(/at most 2 decimals/)
    expect(() => parseMoney('1e5')).toThrow(/Exponent notation/)
  })

  it('reads back every amount it formats (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...currencyCodes),
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        (currency, raw) => {
          const cap = 100_000_000 * 10 ** minorDigits(currency)
          const amount = Math.max(-cap, Math.min(cap, raw))
          const opts = { allowNegative: true, allowZero: true }
          expect(parseMoney(toDecimalString(amount, currency), currency, opts)).toBe(amount)
          const plain = formatMoney(amount, currency, 'en').replace(/^-?[^\d]*/, (m) => (m.startsWith('-') ? '-' : ''))
          expect(parseMoney(plain, currency, opts)).toBe(amount)
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe('formatMoney', () => {
  it('formats for zh-CN (default) and en', () => {
    expect(formatMoney(1230)).toBe('¥12.30')
    expect(formatMoney(-500)).toBe('-¥5.00')
    expect(formatMoney(123456789)).toBe('¥1,234,567.89')
    expect(formatMoney(1200, 'JPY')).toBe('JP¥1,200')
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200')
    expect(formatMoney(1230, 'CNY', 'en')).toBe('CN¥12.30')
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05')
    expect(formatMoney(0)).toBe('¥0.00')
  })

  it('agrees with Intl.NumberFormat for every offered currency and both locales', () => {
    fc.assert(
      fc.property(fc.constantFrom(...currencyCodes), fc.constantFrom('zh-CN' as const, 'en' as const), fc.integer({ min: -1e12, max: 1e12 }), (currency, locale, amount) => {
        const digits = minorDigits(currency)
        const intl = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
        // Intl takes a decimal string exactly (no float rounding) in Node 20.
        expect(formatMoney(amount, currency, locale)).toBe(intl.format(toDecimalString(amount, currency) as unknown as number))
      }),
      { numRuns: 1000 }
    )
  })

  it('rejects amounts that are not minor units', () => {
    expect(codeOf(() => formatMoney(12.5))).toBe('MONEY_NOT_INTEGER')
    expect(codeOf(() => formatMoney(100, 'ABC'))).toBe('CURRENCY_UNKNOWN')
  })
})

describe('exchange rates and conversion', () => {
  it('parses rates exactly', () => {
    expect(parseRate('0.0485')).toEqual({ num: 485n, den: 10000n })
    expect(parseRate('7')).toEqual({ num: 7n, den: 1n })
    expect(isRate('1e-3')).toBe(false)
    expect(isRate('0')).toBe(false)
    expect(isRate('-1')).toBe(false)
    expect(isRate(' 1')).toBe(false)
    expect(codeOf(() => parseRate('0.000'))).toBe('RATE_INVALID')
    expect(codeOf(() => parseRate('abc'))).toBe('RATE_INVALID')
  })

  it('converts with BigInt, rounding once half away from zero', () => {
    // 1200 JPY * 0.0485 CNY/JPY = 58.20 CNY
    expect(convertAmount(1200, '0.0485', 'JPY', 'CNY')).toBe(5820)
    // 1 JPY * 0.0485 = 0.0485 CNY = 4.85 fen -> 5 fen; the refund mirrors it
    expect(convertAmount(1, '0.0485', 'JPY', 'CNY')).toBe(5)
    expect(convertAmount(-1, '0.0485', 'JPY', 'CNY')).toBe(-5)
    // exactly half a fen rounds away from zero: 0.5 fen
    expect(convertAmount(1, '0.005', 'CNY', 'USD')).toBe(0)
    expect(convertAmount(100, '0.005', 'CNY', 'USD')).toBe(1)
    expect(convertAmount(10, '0.05', 'CNY', 'USD')).toBe(1)
    expect(convertAmount(-10, '0.05', 'CNY', 'USD')).toBe(-1)
    // 10.00 USD at 7.1234 CNY/USD = 71.234 CNY -> 7123 fen
    expect(convertAmount(1000, '7.1234', 'USD', 'CNY')).toBe(7123)
    // 100.00 CNY in KRW at 190.5 = 19050 won
    expect(convertAmount(10000, '190.5', 'CNY', 'KRW')).toBe(19050)
    expect(convertAmount(999, 'anything', 'CNY', 'CNY')).toBe(999)
    // a float rate would give 0.1 + 0.2 style errors; BigInt does not: 3 * 0.1 CNY = 0.3 CNY
    expect(convertAmount(300, '0.1', 'USD', 'CNY')).toBe(30)
  })

  it('matches an exact rational reference (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 8 }),
        (amount, digits, scale) => {
          const rate = (BigInt(digits) * 10n ** 0n).toString().padStart(scale + 1, '0')
          const text = scale === 0 ? rate : `${rate.slice(0, rate.length - scale)}.${rate.slice(rate.length - scale)}`
          // exact: amount/100 * digits/10^scale, in yen, rounded half away from zero
          const num = BigInt(amount) * BigInt(digits)
          const den = 100n * 10n ** BigInt(scale)
          const doubled = 2n * (num < 0n ? -num : num)
          const q = (doubled + den) / (2n * den)
          if (q > BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(codeOf(() => convertAmount(amount, text, 'USD', 'JPY'))).toBe('MONEY_TOO_LARGE')
          } else {
            expect(BigInt(convertAmount(amount, text, 'USD', 'JPY'))).toBe(num < 0n ? -q : q)
          }
        }
      ),
      { numRuns: 2000 }
    )
  })
})
