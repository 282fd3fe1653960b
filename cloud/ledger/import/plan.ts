/**
 * What an import file says, whatever its format: the neutral plan each parser makes (./own-json.ts,
 * ./splitwise.ts) and the importGroup action writes. Member keys are the file's own (exported member ids, or
 * Splitwise's column positions); the action gives every key a new member.
 */
import { isDomainError, type Balances, type CurrencyCode, type Expense, type Minor } from '../../../src/domain'
import type { PaymentView } from '../../../src/api'
import { ApiError } from '../../errors'

export interface ImportMember {
  /** The file's id of the member (its member id, or `p<column>` for Splitwise). */
  key: string
  name: string
}

export interface ImportExpense {
  /** The line of the file it came from (1-based), when known. */
  line: number | null
  description: string
  category: string
  /** YYYY-MM-DD. */
  date: string
  /** The domain expense, its member ids the plan's keys; its id the file's (re-issued when written). */
  expense: Expense
}

export interface ImportPayment {
  line: number | null
  from: string
  to: string
  /** Group-currency minor units, > 0. */
  amount: Minor
  method: PaymentView['method']
  /** ISO timestamp of when it was made, and when it was confirmed. */
  createdAt: string
  confirmedAt: string
}

export interface ImportPlan {
  format: 'json' | 'splitwise'
  name: string | null
  emoji: string | null
  currency: CurrencyCode
  members: ImportMember[]
  expenses: ImportExpense[]
  payments: ImportPayment[]
  /** Every member's balance the import must end with (by key): the file's own, checked against its rows. */
  balances: Balances
  /** Lines left out on purpose, with why (a deleted expense, a row that moves nobody's balance, ...). */
  skipped: Array<{ line: number | null; reason: string }>
}

/** Where in the file a problem is: its line (1-based) when known, and a path or column that names the field. */
export interface ImportWhere {
  line?: number | null
  path?: string
  column?: string
}

/** IMPORT_INVALID naming the line (in the message and in `details.line`) and what is wrong. */
export function importInvalid(message: string, where: ImportWhere = {}, extra: Record<string, unknown> = {}): ApiError {
  const line = where.line ?? null
  const at = [line !== null ? `Line ${line}` : null, where.path ?? null, where.column ? `column "${where.column}"` : null].filter(Boolean).join(', ')
  return new ApiError('IMPORT_INVALID', at ? `${at}: ${message}` : message, {
    line,
    ...(where.path ? { path: where.path } : {}),
    ...(where.column ? { column: where.column } : {}),
    ...extra
  })
}

/** Runs `fn`; a domain error it throws (a money rule) becomes IMPORT_INVALID at `where`, with the rule's code. */
export function atLine<T>(where: ImportWhere, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (isDomainError(err)) throw importInvalid(err.message, where, { code: err.code })
    throw err
  }
}

/**
 * Free text from a file as the contract stores it: whole characters, NFC, no control characters, one space for any
 * run of white space, trimmed, at most `max` characters.
 */
export function cleanText(raw: string, max: number): string {
  const s = raw
    // half a character (a lone surrogate) cannot be stored: PostgreSQL's jsonb refuses it
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(s)
  return chars.length > max ? chars.slice(0, max).join('').trim() : s
}

/** A calendar day YYYY-MM-DD that exists, or null. */
export function dayOf(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(raw.trim())
  if (!m) return null
  const d = new Date(`${m[1]}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[1] ? m[1]! : null
}
