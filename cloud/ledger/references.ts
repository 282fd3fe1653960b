/**
 * What refers to a member. Every foreign key to members(id) is read from the database catalog, so a table that a
 * later migration adds is covered without a change here; the member ids inside stored expenses (payers and
 * splits, which are JSON, not keys) are checked too, and so are those in the templates of recurring expenses not
 * stopped. A user action that would remove a member checks this first and answers MEMBER_IN_USE, instead of running
 * into the constraint (a 500).
 */
import type { Queryable } from '../store/db'

export interface MemberReference {
  table: string
  column: string
}

/** Every (table, column) with a foreign key to members(id), in name order. */
export async function memberForeignKeys(q: Queryable): Promise<MemberReference[]> {
  const res = await q.query<{ table_name: string; column_name: string }>(
    `SELECT cl.relname AS table_name, a.attname AS column_name
       FROM pg_constraint c
       JOIN pg_class cl ON cl.oid = c.conrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = to_regclass('members')
      ORDER BY 1, 2`
  )
  return res.rows.map((r) => ({ table: r.table_name, column: r.column_name }))
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The first thing that refers to `memberId` ("payments.from_member", "expenses.data", ...), or null. */
export async function memberInUse(q: Queryable, memberId: string): Promise<string | null> {
  for (const { table, column } of await memberForeignKeys(q)) {
    const hit = await q.query(`SELECT 1 FROM ${ident(table)} WHERE ${ident(column)} = $1 LIMIT 1`, [memberId])
    if (hit.rows.length > 0) return `${table}.${column}`
  }
  const pattern = `%"${memberId.replace(/[\\%_]/g, '\\$&')}"%`
  const inExpense = await q.query(`SELECT 1 FROM expenses WHERE data::text LIKE $1 LIMIT 1`, [pattern])
  if (inExpense.rows.length > 0) return 'expenses.data'
  // a recurring expense not stopped makes expenses that will name the member
  const inSeries = await q.query(`SELECT 1 FROM recurring_series WHERE stopped_at IS NULL AND template::text LIKE $1 LIMIT 1`, [pattern])
  return inSeries.rows.length > 0 ? 'recurring_series.template' : null
}
