import { z } from 'zod'
import { domainErrorMessages, type DomainErrorCode } from './errors'
import { isCurrency, minorDigits } from './money/currencies'
import { MAX_MAJOR_UNITS } from './money/parse'
import { isRate } from './money/rational'
import { FULL_BASIS_POINTS } from './split/percent'
import type { Expense, Payment, Split } from './types'

/**
 * zod schemas of the domain shapes, shared by the app (forms), the cloud function (API input) and the
 * domain. Every issue they raise for a domain rule is a `custom` issue whose `params.code` is a stable
 * {@link DomainErrorCode}; {@link domainErrorFromZod} turns the first issue into a DomainError.
 */

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; params: { code: DomainErrorCode }; path?: PropertyKey[]; input?: unknown }) => void }

/** Adds a custom issue carrying a stable code (message defaults to the code's English message). */
export function addCodedIssue(ctx: Ctx, code: DomainErrorCode, path: PropertyKey[] = [], message?: string): void {
  ctx.addIssue({ code: 'custom', message: message ?? domainErrorMessages[code], params: { code }, path })
}

const coded = <T>(check: (value: unknown) => boolean, code: DomainErrorCode) =>
  z.custom<T>((value) => check(value), { params: { code }, message: domainErrorMessages[code] })

/**
 * The one rule for every id in the contract (members, expenses, payments, groups, ...): 1 to 64 of A-Z a-z 0-9 _ -.
 * The request and the reply schemas both use it, so an id the function accepts can always be answered.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

const isId = (value: unknown): boolean => typeof value === 'string' && ID_PATTERN.test(value)

/** A member id: {@link ID_PATTERN} (INVALID_ID). */
export const MemberIdSchema = coded<string>(isId, 'INVALID_ID')

/** An expense or payment id, same rule as member ids (INVALID_ID). */
export const IdSchema = coded<string>(isId, 'INVALID_ID')

/** An amount in minor units: a safe integer (MONEY_NOT_INTEGER). Sign rules belong to the containing shape. */
export const MinorSchema = coded<number>((v) => typeof v === 'number' && Number.isSafeInteger(v), 'MONEY_NOT_INTEGER')

/** An offered ISO 4217 currency code (CURRENCY_UNKNOWN). */
export const CurrencySchema = coded<string>(isCurrency, 'CURRENCY_UNKNOWN')

/** An exchange rate: a positive decimal string such as "0.0485", no exponent (RATE_INVALID). */
export const RateSchema = coded<string>(isRate, 'RATE_INVALID')

const MembersListSchema = z.array(MemberIdSchema).superRefine((members, ctx) => {
  if (members.length === 0) addCodedIssue(ctx, 'SPLIT_EMPTY')
  const seen = new Set<string>()
  members.forEach((member, i) => {
    if (seen.has(member)) addCodedIssue(ctx, 'DUPLICATE_MEMBER', [i], `${member} is listed twice.`)
    seen.add(member)
  })
})

const ShareSchema = coded<number>((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0, 'SPLIT_SHARES_INVALID')
const BasisPointsSchema = coded<number>(
  (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= FULL_BASIS_POINTS,
  'SPLIT_PERCENT_INVALID'
)

const nonEmpty = (record: Record<string, unknown>, ctx: Ctx): boolean => {
  if (Object.keys(record).length > 0) return true
  addCodedIssue(ctx, 'SPLIT_EMPTY')
  return false
}

/** How an expense is shared; see {@link Split}. Raises SPLIT_EMPTY, SPLIT_SHARES_*, SPLIT_PERCENT_*, DUPLICATE_MEMBER. */
export const SplitSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('equal'), members: MembersListSchema }),
  z.object({ mode: z.literal('shares'), shares: z.record(MemberIdSchema, ShareSchema) }).superRefine((split, ctx) => {
    if (!nonEmpty(split.shares, ctx)) return
    let total = 0
    for (const share of Object.values(split.shares)) total += share
    if (total === 0) addCodedIssue(ctx, 'SPLIT_SHARES_ZERO', ['shares'])
    else if (!Number.isSafeInteger(total)) addCodedIssue(ctx, 'SPLIT_SHARES_INVALID', ['shares'], 'The shares are too large.')
  }),
  z
    .object({ mode: z.literal('percent'), basisPoints: z.record(MemberIdSchema, BasisPointsSchema) })
    .superRefine((split, ctx) => {
      if (!nonEmpty(split.basisPoints, ctx)) return
      let total = 0
      for (const points of Object.values(split.basisPoints)) total += points
      if (total !== FULL_BASIS_POINTS) {
        addCodedIssue(ctx, 'SPLIT_PERCENT_TOTAL', ['basisPoints'], `The percentages add up to ${total / 100}%, not 100%.`)
      }
    }),
  z.object({ mode: z.literal('exact'), amounts: z.record(MemberIdSchema, MinorSchema) }).superRefine((split, ctx) => {
    nonEmpty(split.amounts, ctx)
  }),
  z.object({
    mode: z.literal('adjust'),
    members: MembersListSchema,
    adjustments: z.record(MemberIdSchema, MinorSchema)
  })
]) as unknown as z.ZodType<Split>

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0)

/**
 * An expense; see {@link Expense}. Beyond the field rules: amount not 0 (MONEY_ZERO) and at most
 * 100,000,000 major units either way (MONEY_TOO_LARGE); payers present (PAYERS_EMPTY), with the sign of
 * the amount (PAYERS_SIGN), totalling it (PAYERS_TOTAL); exact amounts with that sign (SPLIT_EXACT_SIGN)
 * totalling it (SPLIT_EXACT_TOTAL); adjustments that fit (SPLIT_ADJUST_TOO_LARGE). Membership and the
 * rate requirement depend on the group: see `validateExpense`.
 */
export const ExpenseSchema = z
  .object({
    id: IdSchema,
    amount: MinorSchema,
    currency: CurrencySchema.optional(),
    rate: RateSchema.optional(),
    paidBy: z.record(MemberIdSchema, MinorSchema),
    split: SplitSchema
  })
  .superRefine((expense, ctx) => {
    const { amount } = expense
    if (amount === 0) addCodedIssue(ctx, 'MONEY_ZERO', ['amount'], 'An expense amount must not be zero.')
    const digits = isCurrency(expense.currency) ? minorDigits(expense.currency) : 2
    if (Math.abs(amount) > MAX_MAJOR_UNITS * 10 ** digits) addCodedIssue(ctx, 'MONEY_TOO_LARGE', ['amount'])

    const payers = Object.entries(expense.paidBy)
    if (payers.length === 0) addCodedIssue(ctx, 'PAYERS_EMPTY', ['paidBy'])
    else {
      let total = 0
      for (const [member, paid] of payers) {
        if (sign(paid) === -sign(amount) && paid !== 0) {
          addCodedIssue(ctx, 'PAYERS_SIGN', ['paidBy', member], `The amount paid by ${member} has the wrong sign.`)
        }
        total += paid
      }
      if (total !== amount) {
        addCodedIssue(ctx, 'PAYERS_TOTAL', ['paidBy'], `The amounts paid add up to ${total}, not ${amount}.`)
      }
    }

    const split = expense.split
    if (split.mode === 'exact') {
      let total = 0
      for (const [member, owed] of Object.entries(split.amounts)) {
        if (sign(owed) === -sign(amount) && owed !== 0) {
          addCodedIssue(ctx, 'SPLIT_EXACT_SIGN', ['split', 'amounts', member], `The amount of ${member} has the wrong sign.`)
        }
        total += owed
      }
      if (Object.keys(split.amounts).length > 0 && total !== amount) {
        addCodedIssue(ctx, 'SPLIT_EXACT_TOTAL', ['split', 'amounts'], `The amounts add up to ${total}, not ${amount}.`)
      }
    } else if (split.mode === 'adjust') {
      let adjusted = 0
      for (const adjustment of Object.values(split.adjustments)) adjusted += adjustment
      const rest = amount - adjusted
      const members = new Set(split.members)
      const each = split.members.length > 0 ? Math.trunc(rest / split.members.length) : 0
      const wrong =
        sign(rest) === -sign(amount) ||
        Object.entries(split.adjustments).some(([member, adjustment]) => {
          const owed = (members.has(member) ? each : 0) + adjustment
          return sign(owed) === -sign(amount) && owed !== 0
        })
      if (wrong) addCodedIssue(ctx, 'SPLIT_ADJUST_TOO_LARGE', ['split', 'adjustments'])
    }
  }) as unknown as z.ZodType<Expense>

const PaymentAmountSchema = coded<number>((v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0, 'PAYMENT_AMOUNT')

/** A payment between two different members (PAYMENT_SELF) of a positive amount (PAYMENT_AMOUNT). */
export const PaymentSchema = z
  .object({ id: IdSchema, from: MemberIdSchema, to: MemberIdSchema, amount: PaymentAmountSchema })
  .superRefine((payment, ctx) => {
    if (payment.from === payment.to) addCodedIssue(ctx, 'PAYMENT_SELF', ['to'])
  }) as unknown as z.ZodType<Payment>

/** A whole ledger: unique members (DUPLICATE_MEMBER), unique expense and payment ids (DUPLICATE_ID). */
export const LedgerSchema = z
  .object({
    members: z.array(MemberIdSchema),
    expenses: z.array(ExpenseSchema),
    payments: z.array(PaymentSchema),
    currency: CurrencySchema.optional()
  })
  .superRefine((ledger, ctx) => {
    const members = new Set<string>()
    ledger.members.forEach((member, i) => {
      if (members.has(member)) addCodedIssue(ctx, 'DUPLICATE_MEMBER', ['members', i], `${member} is listed twice.`)
      members.add(member)
    })
    for (const [key, list] of [['expenses', ledger.expenses], ['payments', ledger.payments]] as const) {
      const ids = new Set<string>()
      list.forEach((item, i) => {
        if (ids.has(item.id)) addCodedIssue(ctx, 'DUPLICATE_ID', [key, i, 'id'], `${item.id} appears twice.`)
        ids.add(item.id)
      })
    }
  })
