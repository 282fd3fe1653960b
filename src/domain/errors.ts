/**
 * Stable error codes of the domain. The app translates them (`error.<CODE>` in src/i18n), the cloud
 * function returns them with HTTP 400. Codes never change meaning; new ones may be added.
 */
export const domainErrorCodes = [
  'MONEY_EMPTY',
  'MONEY_FORMAT',
  'MONEY_DECIMALS',
  'MONEY_NEGATIVE',
  'MONEY_ZERO',
  'MONEY_TOO_LARGE',
  'MONEY_NOT_INTEGER',
  'CURRENCY_UNKNOWN',
  'RATE_INVALID',
  'RATE_REQUIRED',
  'PAYERS_EMPTY',
  'PAYERS_TOTAL',
  'PAYERS_SIGN',
  'UNKNOWN_MEMBER',
  'SPLIT_EMPTY',
  'SPLIT_MODE',
  'SPLIT_SHARES_INVALID',
  'SPLIT_SHARES_ZERO',
  'SPLIT_PERCENT_TOTAL',
  'SPLIT_PERCENT_INVALID',
  'SPLIT_EXACT_TOTAL',
  'SPLIT_EXACT_SIGN',
  'SPLIT_ADJUST_TOO_LARGE',
  'DUPLICATE_ID',
  'DUPLICATE_MEMBER',
  'PAYMENT_SELF',
  'PAYMENT_AMOUNT',
  'INVALID_ID',
  'BALANCES_NOT_ZERO',
  'GROUP_BALANCE_LIMIT',
  'INVALID_INPUT'
] as const

/** One of {@link domainErrorCodes}. */
export type DomainErrorCode = (typeof domainErrorCodes)[number]

/** The default English message of each code (the thrown error may carry a more specific one). */
export const domainErrorMessages: Record<DomainErrorCode, string> = {
  MONEY_EMPTY: 'Enter an amount.',
  MONEY_FORMAT: 'That is not an amount (use digits, e.g. 12.50).',
  MONEY_DECIMALS: 'Too many decimal places for this currency.',
  MONEY_NEGATIVE: 'The amount must not be negative.',
  MONEY_ZERO: 'The amount must not be zero.',
  MONEY_TOO_LARGE: 'The amount is too large (at most 100,000,000).',
  MONEY_NOT_INTEGER: 'An amount must be a whole number of minor units (e.g. fen).',
  CURRENCY_UNKNOWN: 'Unknown or unsupported currency.',
  RATE_INVALID: 'The exchange rate must be a positive decimal number, e.g. 0.0485.',
  RATE_REQUIRED: 'An exchange rate is required for an expense in another currency.',
  PAYERS_EMPTY: 'Choose who paid.',
  PAYERS_TOTAL: 'The amounts paid must add up to the expense amount.',
  PAYERS_SIGN: 'Each amount paid must have the same sign as the expense amount.',
  UNKNOWN_MEMBER: 'Someone in this expense is not a member of the group.',
  SPLIT_EMPTY: 'Choose at least one person to split with.',
  SPLIT_MODE: 'Unknown split mode.',
  SPLIT_SHARES_INVALID: 'Shares must be whole numbers of 0 or more.',
  SPLIT_SHARES_ZERO: 'At least one person needs more than 0 shares.',
  SPLIT_PERCENT_TOTAL: 'The percentages must add up to 100%.',
  SPLIT_PERCENT_INVALID: 'Each percentage must be between 0% and 100% with at most two decimals.',
  SPLIT_EXACT_TOTAL: 'The amounts must add up to the expense amount.',
  SPLIT_EXACT_SIGN: 'Each amount must have the same sign as the expense amount.',
  SPLIT_ADJUST_TOO_LARGE: 'The adjustments are larger than the expense allows.',
  DUPLICATE_ID: 'The same id is used twice.',
  DUPLICATE_MEMBER: 'The same person is listed twice.',
  PAYMENT_SELF: 'A payment needs two different people.',
  PAYMENT_AMOUNT: 'A payment amount must be more than 0.',
  INVALID_ID: 'Invalid id.',
  BALANCES_NOT_ZERO: 'The balances do not add up to zero.',
  GROUP_BALANCE_LIMIT: 'This change would take the group beyond what it can hold (100 billion owed in all).',
  INVALID_INPUT: 'Invalid input.'
}

/** The error every domain function throws for bad input: a stable `code`, an English `message`. */
export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: DomainErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? domainErrorMessages[code])
    this.name = 'DomainError'
    this.code = code
    if (details !== undefined) this.details = details
    Object.setPrototypeOf(this, DomainError.prototype)
  }

  /** A plain object for a JSON reply: `{ code, message, details? }`. */
  toJSON(): { code: DomainErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/** True for any value that is a {@link DomainError} (also across bundles, by shape). */
export function isDomainError(value: unknown): value is DomainError {
  return (
    value instanceof DomainError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'DomainError' &&
      typeof (value as { code?: unknown }).code === 'string')
  )
}

/** True when `code` is one of the domain's codes. */
export function isDomainErrorCode(code: unknown): code is DomainErrorCode {
  return typeof code === 'string' && (domainErrorCodes as readonly string[]).includes(code)
}
