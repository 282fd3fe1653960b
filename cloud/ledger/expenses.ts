/** Expense rows: the domain Expense as JSON plus listing columns; the expense view. */
import type { ExpenseView } from '../../src/api'
import { splitExpense, type Expense } from '../../src/domain'
import type { Queryable } from '../store/db'
import { fromJson, toIso, toIsoOrNull } from '../store/convert'

export interface ExpenseRow {
  id: string
  group_id: string
  expense: Expense
  description: string
  category: string
  date: string
  created_by: string
  created_at: string
  updated_at: string
  deleted_at: string | null
  seq: number
}

export const EXPENSE_COLS = 'seq, id, group_id, data, description, category, date, created_by, created_at, updated_at, deleted_at'

export function expenseRow(r: Record<string, unknown>): ExpenseRow {
  return {
    id: r.id as string,
    group_id: r.group_id as string,
    expense: fromJson<Expense>(r.data),
    description: r.description as string,
    category: r.category as string,
    date: r.date as string,
    created_by: r.created_by as string,
    created_at: toIso(r.created_at),
    updated_at: toIso(r.updated_at),
    deleted_at: toIsoOrNull(r.deleted_at),
    seq: Number(r.seq)
  }
}

export async function findExpense(q: Queryable, groupId: string, expenseId: string): Promise<ExpenseRow | null> {
  const res = await q.query<Record<string, unknown>>(`SELECT ${EXPENSE_COLS} FROM expenses WHERE group_id = $1 AND id = $2`, [groupId, expenseId])
  return res.rows[0] ? expenseRow(res.rows[0]) : null
}

/** The live (not deleted) expenses of a group, as domain expenses. */
export async function liveExpenses(q: Queryable, groupId: string): Promise<Expense[]> {
  const res = await q.query<{ data: unknown }>('SELECT data FROM expenses WHERE group_id = $1 AND deleted_at IS NULL ORDER BY seq', [groupId])
  return res.rows.map((r) => fromJson<Expense>(r.data))
}

/** The view of an expense row (`shares`: its split, when the caller has just computed it). */
export function expenseView(row: ExpenseRow, groupCurrency: string, shares = splitExpense(row.expense, groupCurrency)): ExpenseView {
  return {
    id: row.id,
    groupId: row.group_id,
    expense: row.expense,
    description: row.description,
    category: row.category,
    date: row.date,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    shares
  }
}

/**
 * Today's date as YYYY-MM-DD for the person asking: in their IANA `timeZone` when known, else at their UTC
 * offset, else in UTC.
 */
export function today(now: Date, where: { timeZone?: string; utcOffsetMinutes?: number } = {}): string {
  if (where.timeZone) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: where.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
    return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
  }
  return new Date(now.getTime() + (where.utcOffsetMinutes ?? 0) * 60_000).toISOString().slice(0, 10)
}
