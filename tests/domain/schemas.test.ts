import { z } from 'zod'
import {
  CurrencySchema,
  DomainError,
  domainErrorCodes,
  domainErrorFromZod,
  domainErrorMessages,
  ExpenseSchema,
  isDomainError,
  LedgerSchema,
  MemberIdSchema,
  MinorSchema,
  PaymentSchema,
  RateSchema,
  SplitSchema,
  validateExpense,
  validatePayment,
  type DomainErrorCode
} from '@/domain'

const members = ['ann', 'bo', 'cy']
const good = { id: 'e1', amount: 900, paidBy: { ann: 900 }, split: { mode: 'equal', members } }

const codeOf = (fn: () => unknown): DomainErrorCode | undefined => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).message.length).toBeGreaterThan(5)
    return (error as DomainError).code
  }
  return undefined
}
const schemaCode = (schema: z.ZodType, value: unknown): DomainErrorCode | undefined => {
  const result = schema.safeParse(value)
  return result.success ? undefined : domainErrorFromZod(result.error).code
}

describe('leaf schemas', () => {
  it('carry stable codes in their issues', () => {
    expect(schemaCode(MinorSchema, 12)).toBeUndefined()
    expect(schemaCode(MinorSchema, 12.5)).toBe('MONEY_NOT_INTEGER')
    expect(schemaCode(MinorSchema, '12')).toBe('MONEY_NOT_INTEGER')
    expect(schemaCode(MinorSchema, 2 ** 60)).toBe('MONEY_NOT_INTEGER')
    expect(schemaCode(MemberIdSchema, 'ann')).toBeUndefined()
    expect(schemaCode(MemberIdSchema, '')).toBe('INVALID_ID')
    expect(schemaCode(MemberIdSchema, 'a b')).toBe('INVALID_ID')
    expect(schemaCode(MemberIdSchema, 'x'.repeat(65))).toBe('INVALID_ID')
    expect(schemaCode(CurrencySchema, 'JPY')).toBeUndefined()
    expect(schemaCode(CurrencySchema, 'jpy')).toBe('CURRENCY_UNKNOWN')
    expect(schemaCode(RateSchema, '0.0485')).toBeUndefined()
    expect(schemaCode(RateSchema, '1e-2')).toBe('RATE_INVALID')
    expect(schemaCode(RateSchema, 0.05)).toBe('RATE_INVALID')
    const issue = MinorSchema.safeParse(1.5).error!.issues[0]!
    expect(issue.code).toBe('custom')
    expect((issue as { params?: { code?: string } }).params?.code).toBe('MONEY_NOT_INTEGER')
  })

  it('compose into the API schemas of other modules with the same codes', () => {
    const input = z.object({ groupId: z.string(), expense: ExpenseSchema })
    const result = input.safeParse({ groupId: 'g', expense: { ...good, amount: 0 } })
    expect(result.success).toBe(false)
    const error = domainErrorFromZod(result.error!)
    expect(error.code).toBe('MONEY_ZERO')
    expect(error.details).toMatchObject({ path: 'expense.amount' })
  })
})

describe('ExpenseSchema and validateExpense', () => {
  it('accepts a valid expense and returns it', () => {
    expect(validateExpense(good, members)).toEqual(good)
    expect(ExpenseSchema.safeParse(good).success).toBe(true)
  })

  const cases: Array<[string, unknown, DomainErrorCode]> = [
    ['a zero amount', { ...good, amount: 0 }, 'MONEY_ZERO'],
    ['a fractional amount', { ...good, amount: 9.5 }, 'MONEY_NOT_INTEGER'],
    ['an amount over the cap', { ...good, amount: 10_000_000_001, paidBy: { ann: 10_000_000_001 } }, 'MONEY_TOO_LARGE'],
    ['an unknown currency', { ...good, currency: 'XXX', rate: '1' }, 'CURRENCY_UNKNOWN'],
    ['an invalid rate', { ...good, currency: 'JPY', rate: '-1' }, 'RATE_INVALID'],
    ['a bad id', { ...good, id: '' }, 'INVALID_ID'],
    ['no payers', { ...good, paidBy: {} }, 'PAYERS_EMPTY'],
    ['payers not totalling', { ...good, paidBy: { ann: 800 } }, 'PAYERS_TOTAL'],
    ['a payer with the wrong sign', { ...good, paidBy: { ann: 1000, bo: -100 } }, 'PAYERS_SIGN'],
    ['an empty equal split', { ...good, split: { mode: 'equal', members: [] } }, 'SPLIT_EMPTY'],
    ['a repeated member', { ...good, split: { mode: 'equal', members: ['ann', 'ann'] } }, 'DUPLICATE_MEMBER'],
    ['an unknown mode', { ...good, split: { mode: 'halves', members } }, 'SPLIT_MODE'],
    ['negative shares', { ...good, split: { mode: 'shares', shares: { ann: -1, bo: 1 } } }, 'SPLIT_SHARES_INVALID'],
    ['zero shares', { ...good, split: { mode: 'shares', shares: { ann: 0, bo: 0 } } }, 'SPLIT_SHARES_ZERO'],
    ['percent not totalling', { ...good, split: { mode: 'percent', basisPoints: { ann: 5000, bo: 4999 } } }, 'SPLIT_PERCENT_TOTAL'],
    ['a fractional basis point', { ...good, split: { mode: 'percent', basisPoints: { ann: 5000.5, bo: 4999.5 } } }, 'SPLIT_PERCENT_INVALID'],
    ['exact amounts not totalling', { ...good, split: { mode: 'exact', amounts: { ann: 100, bo: 700 } } }, 'SPLIT_EXACT_TOTAL'],
    ['an exact amount with the wrong sign', { ...good, split: { mode: 'exact', amounts: { ann: 1000, bo: -100 } } }, 'SPLIT_EXACT_SIGN'],
    ['adjustments too large', { ...good, split: { mode: 'adjust', members, adjustments: { ann: 1000 } } }, 'SPLIT_ADJUST_TOO_LARGE'],
    ['not an object', 'expense', 'INVALID_INPUT']
  ]
  it.each(cases)('rejects %s in the schema and in validateExpense', (_name, value, code) => {
    expect(schemaCode(ExpenseSchema, value)).toBe(code)
    expect(codeOf(() => validateExpense(value, members))).toBe(code)
  })

  it('rejects members outside the group and a foreign currency without a rate', () => {
    expect(codeOf(() => validateExpense({ ...good, paidBy: { zed: 900 } }, members))).toBe('UNKNOWN_MEMBER')
    expect(codeOf(() => validateExpense({ ...good, split: { mode: 'equal', members: ['ann', 'zed'] } }, members))).toBe('UNKNOWN_MEMBER')
    expect(codeOf(() => validateExpense({ ...good, split: { mode: 'shares', shares: { zed: 1 } } }, members))).toBe('UNKNOWN_MEMBER')
    expect(codeOf(() => validateExpense({ ...good, currency: 'JPY' }, members, 'CNY'))).toBe('RATE_REQUIRED')
    expect(validateExpense({ ...good, currency: 'JPY', rate: '0.0485' }, members, 'CNY').rate).toBe('0.0485')
  })

  it('reports every issue in details, the first one as the code', () => {
    const error = codeOf(() => validateExpense({ ...good, amount: 0, paidBy: {} }, members))
    expect(error).toBe('MONEY_ZERO')
    try {
      validateExpense({ ...good, amount: 0, paidBy: {} }, members)
    } catch (e) {
      const issues = (e as DomainError).details!.issues as Array<{ code: string }>
      expect(issues.map((i) => i.code)).toEqual(['MONEY_ZERO', 'PAYERS_EMPTY'])
    }
  })

  it('validates the split shape on its own', () => {
    expect(SplitSchema.safeParse({ mode: 'exact', amounts: { ann: 5 } }).success).toBe(true)
    expect(schemaCode(SplitSchema, { mode: 'exact', amounts: {} })).toBe('SPLIT_EMPTY')
  })
})

describe('PaymentSchema and validatePayment', () => {
  const payment = { id: 'p1', from: 'ann', to: 'bo', amount: 500 }
  it('accepts a payment between two members', () => {
    expect(validatePayment(payment, members)).toEqual(payment)
  })
  it.each<[string, unknown, DomainErrorCode]>([
    ['a payment to oneself', { ...payment, to: 'ann' }, 'PAYMENT_SELF'],
    ['a zero amount', { ...payment, amount: 0 }, 'PAYMENT_AMOUNT'],
    ['a negative amount', { ...payment, amount: -5 }, 'PAYMENT_AMOUNT'],
    ['a bad id', { ...payment, from: ' ' }, 'INVALID_ID']
  ])('rejects %s', (_name, value, code) => {
    expect(schemaCode(PaymentSchema, value)).toBe(code)
    expect(codeOf(() => validatePayment(value, members))).toBe(code)
  })
  it('rejects members outside the group', () => {
    expect(codeOf(() => validatePayment({ ...payment, to: 'zed' }, members))).toBe('UNKNOWN_MEMBER')
  })
})

describe('LedgerSchema', () => {
  it('rejects repeated members and repeated ids', () => {
    expect(schemaCode(LedgerSchema, { members: ['ann', 'ann'], expenses: [], payments: [] })).toBe('DUPLICATE_MEMBER')
    expect(schemaCode(LedgerSchema, { members, expenses: [good, good], payments: [] })).toBe('DUPLICATE_ID')
    expect(schemaCode(LedgerSchema, { members, expenses: [good], payments: [] })).toBeUndefined()
  })
})

describe('DomainError', () => {
  it('has a stable code, an English message, and serialises to JSON', () => {
    const error = new DomainError('PAYERS_TOTAL')
    expect(error.message).toBe(domainErrorMessages.PAYERS_TOTAL)
    expect(error).toBeInstanceOf(Error)
    expect(isDomainError(error)).toBe(true)
    expect(isDomainError(new Error('x'))).toBe(false)
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'PAYERS_TOTAL', message: domainErrorMessages.PAYERS_TOTAL })
    expect(new DomainError('UNKNOWN_MEMBER', 'zed is not here', { member: 'zed' }).toJSON()).toEqual({
      code: 'UNKNOWN_MEMBER',
      message: 'zed is not here',
      details: { member: 'zed' }
    })
  })

  it('has a message for every code, and every code includes the agreed ones', () => {
    for (const code of domainErrorCodes) expect(domainErrorMessages[code]).toMatch(/\w/)
    const agreed = 'MONEY_EMPTY MONEY_FORMAT MONEY_DECIMALS MONEY_NEGATIVE MONEY_ZERO MONEY_TOO_LARGE MONEY_NOT_INTEGER CURRENCY_UNKNOWN RATE_INVALID RATE_REQUIRED PAYERS_EMPTY PAYERS_TOTAL UNKNOWN_MEMBER SPLIT_EMPTY SPLIT_SHARES_INVALID SPLIT_SHARES_ZERO SPLIT_PERCENT_TOTAL SPLIT_PERCENT_INVALID SPLIT_EXACT_TOTAL SPLIT_ADJUST_TOO_LARGE DUPLICATE_ID DUPLICATE_MEMBER PAYMENT_SELF PAYMENT_AMOUNT INVALID_ID'
    for (const code of agreed.split(' ')) expect(domainErrorCodes).toContain(code)
  })
})

describe('error code coverage', () => {
  it('asserts every domain error code somewhere in the domain tests', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs')
    const dir = __dirname
    const text = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'))
      .join('\n')
    const missing = domainErrorCodes.filter((code) => !new RegExp(`toBe\\('${code}'\\)|, '${code}'\\]|code: '${code}'`).test(text))
    expect(missing).toEqual([])
  })
})
