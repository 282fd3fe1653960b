import type { z } from 'zod'
import { DomainError, domainErrorMessages, isDomainErrorCode, type DomainErrorCode } from './errors'
import { checkExpense } from './check'
import { isCurrency, minorDigits } from './money/currencies'
import { MAX_MAJOR_UNITS } from './money/parse'
import { ExpenseSchema, PaymentSchema } from './schemas'
import type { CurrencyCode, Expense, MemberId, Payment } from './types'

/** One zod issue as the API reports it. */
export interface DomainIssue {
  code: DomainErrorCode
  message: string
  path: string
}

/** The stable code of a zod issue: its `params.code`, SPLIT_MODE for an unknown split mode, else INVALID_INPUT. */
export function issueCode(issue: z.core.$ZodIssue): DomainErrorCode {
  const params = (issue as { params?: { code?: unknown } }).params
  if (params && isDomainErrorCode(params.code)) return params.code
  const last = issue.path[issue.path.length - 1]
  if (last === 'mode' || (issue.code === 'invalid_union' && issue.path.includes('split'))) return 'SPLIT_MODE'
  return 'INVALID_INPUT'
}

/**
 * A DomainError for a failed zod parse: the first issue's stable code and message, with every issue in
 * `details.issues` ({ code, message, path }).
 */
export function domainErrorFromZod(error: z.ZodError): DomainError {
  const issues: DomainIssue[] = error.issues.map((issue) => {
    const code = issueCode(issue)
    const message = code === 'INVALID_INPUT' || code === 'SPLIT_MODE' ? `${domainErrorMessages[code]} (${issue.message})` : issue.message
    return { code, message, path: issue.path.map(String).join('.') }
  })
  const first = issues[0] ?? { code: 'INVALID_INPUT' as const, message: domainErrorMessages.INVALID_INPUT, path: '' }
  return new DomainError(first.code, first.message, { path: first.path, issues })
}

/**
 * Checks an expense against the schema and the group: every payer and split member is in `members`
 * (UNKNOWN_MEMBER), a foreign-currency expense carries a rate (RATE_REQUIRED), and it splits.
 * Returns the parsed expense; throws a DomainError with the first problem's code.
 */
export function validateExpense(expense: unknown, members: readonly MemberId[], groupCurrency?: CurrencyCode): Expense {
  const parsed = ExpenseSchema.safeParse(expense)
  if (!parsed.success) throw domainErrorFromZod(parsed.error)
  const value = parsed.data
  checkExpense(value, members, groupCurrency)
  return value
}

/** Checks a payment against the schema and the group (UNKNOWN_MEMBER). Returns the parsed payment. */
export function validatePayment(payment: unknown, members: readonly MemberId[], currency?: string): Payment {
  const parsed = PaymentSchema.safeParse(payment)
  if (!parsed.success) throw domainErrorFromZod(parsed.error)
  // bounded like an expense: at most 100,000,000 major units of the group currency
  const digits = isCurrency(currency) ? minorDigits(currency) : 2
  if (parsed.data.amount > MAX_MAJOR_UNITS * 10 ** digits) {
    throw new DomainError('MONEY_TOO_LARGE', 'A payment is at most 100,000,000.', { amount: parsed.data.amount })
  }
  const known = new Set(members)
  for (const member of [parsed.data.from, parsed.data.to]) {
    if (!known.has(member)) throw new DomainError('UNKNOWN_MEMBER', `${member} is not a member of the group.`, { member })
  }
  return parsed.data
}
