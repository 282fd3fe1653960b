/**
 * listExpenses' filters as SQL, and its cursor bound to them.
 *
 * Paging is by keyset on (date DESC, seq DESC), the order of the index expenses_group_list, so each filter is a
 * condition on the rows that index walks. An expense's (date, seq) moves only when an edit changes its date, and a
 * row matches or not by its own columns only: so an expense nobody changes while a client pages is returned exactly
 * once, whatever else is added, edited or deleted between the pages.
 */
import { createHash } from 'node:crypto'
import type { ExpenseFilters } from '../../src/api/actions'
import { ApiError } from '../errors'
import { decodeCursor, encodeCursor } from './cursor'

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern (escape `\`). */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** The split's records in which a non-zero entry gives a member a share (one per mode that has one). */
const SPLIT_RECORDS = ['shares', 'basisPoints', 'amounts', 'adjustments']

/** The filters given, in one order; null when none is. */
function given(f: ExpenseFilters): ExpenseFilters | null {
  const out: ExpenseFilters = {}
  for (const k of ['text', 'category', 'memberId', 'from', 'to'] as const) if (f[k] !== undefined) out[k] = f[k]
  return Object.keys(out).length ? out : null
}

/** A short hash of the filters a cursor was made with (null: no filter, the cursor of the whole list). */
export function filterKey(f: ExpenseFilters): string | null {
  const g = given(f)
  return g ? createHash('sha256').update(JSON.stringify(g)).digest('base64url').slice(0, 16) : null
}

/** The cursor after `last`, carrying the filters' key when there are filters. */
export function searchCursor(last: { date: string; seq: number }, key: string | null): string {
  return encodeCursor(key ? [last.date, last.seq, key] : [last.date, last.seq])
}

/** The (date, seq) a cursor points after; INVALID_INPUT for a cursor made with other filters. */
export function searchAfter(cursor: string, key: string | null): [string, number] {
  if (!key) {
    const [date, seq] = decodeCursor(cursor, ['string', 'number'])
    return [date as string, seq as number]
  }
  const [date, seq, made] = decodeCursor(cursor, ['string', 'number', 'string'])
  if (made !== key) throw new ApiError('INVALID_INPUT', 'This cursor belongs to other filters: start again without it', { path: ['cursor'] })
  return [date as string, seq as number]
}

/**
 * The WHERE conditions of the filters, their values appended to `params` (placeholders numbered from its length).
 * `text`: a case-insensitive substring of the description; `memberId`: paid a non-zero amount, or is listed in an
 * equal / adjust split, or has a non-zero entry in the split's record (weight, basis points, exact amount,
 * adjustment); `from` / `to`: inclusive days (dates are YYYY-MM-DD text, so they compare as text).
 */
export function filterConditions(f: ExpenseFilters, params: unknown[]): string[] {
  const where: string[] = []
  const add = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  if (f.text !== undefined) where.push(`description ILIKE ${add(`%${likeLiteral(f.text)}%`)} ESCAPE '\\'`)
  if (f.category !== undefined) where.push(`category = ${add(f.category)}`)
  if (f.memberId !== undefined) {
    const m = `${add(f.memberId)}::text`
    const nonZero = (path: string) => `COALESCE((${path}->>${m})::numeric, 0) <> 0`
    where.push(
      `(${[
        nonZero(`data->'paidBy'`),
        `COALESCE(data->'split'->'members', '[]'::jsonb) ? ${m}`,
        ...SPLIT_RECORDS.map((r) => nonZero(`data->'split'->'${r}'`))
      ].join(' OR ')})`
    )
  }
  if (f.from !== undefined) where.push(`date >= ${add(f.from)}`)
  if (f.to !== undefined) where.push(`date <= ${add(f.to)}`)
  return where
}
