/** Expenses: listExpenses (cursor pages through all, or those matching its filters), addExpense, editExpense, deleteExpense (soft). */
import { coreActions as api } from '../../src/api/actions'
import { checkExpense, type Expense } from '../../src/domain'
import { ApiError } from '../errors'
import { changeBalances } from '../ledger/bounds'
import { filterConditions, filterKey, searchAfter, searchCursor } from '../ledger/expense-search'
import { EXPENSE_COLS, expenseRow, expenseView, findExpense, today, type ExpenseRow } from '../ledger/expenses'
import { byMember, checkVersion, memberQuery, recordChange, recordChangeWith, requireMember } from '../ledger/groups'
import { expenseChanged } from '../messages/events'
import { defineAction } from './types'

function summary(e: Expense, description: string) {
  return { expenseId: e.id, description, amount: e.amount, currency: e.currency ?? null }
}

/** An expense's change starts with the group locked, with its roster: a statement that travels with BEGIN. */
const LOCK_WITH_ROSTER = { lock: true, roster: true }
const lockWithRoster = (input: { groupId: string }, userId: string) => memberQuery(input.groupId, userId, LOCK_WITH_ROSTER)

export const expenseActions = [
  defineAction('listExpenses', api.listExpenses, {}, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const key = filterKey(input)
    const after = input.cursor ? searchAfter(input.cursor, key) : null
    const params: unknown[] = [group.id, input.limit + 1]
    const where = ['group_id = $1', 'deleted_at IS NULL']
    if (after) {
      params.push(after[0], after[1])
      where.push('(date, seq) < ($3, $4)')
    }
    where.push(...filterConditions(input, params))
    const res = await ctx.q.query<Record<string, unknown>>(
      `SELECT ${EXPENSE_COLS} FROM expenses WHERE ${where.join(' AND ')} ORDER BY date DESC, seq DESC LIMIT $2`,
      params
    )
    const rows = res.rows.map(expenseRow)
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    return {
      items: page.map((r) => expenseView(r, group.currency)),
      nextCursor: rows.length > input.limit && last ? searchCursor(last, key) : null
    }
  }),

  defineAction('addExpense', api.addExpense, { mutation: true, opening: lockWithRoster }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, LOCK_WITH_ROSTER)
    // the input schema parsed the expense; what is left are the group's checks
    const expense = input.expense as Expense
    const shares = checkExpense(expense, roster.ids, group.currency)
    await changeBalances(ctx, group, roster, { added: [expense] })
    const now = ctx.now.toISOString()
    const row: ExpenseRow = {
      id: expense.id,
      group_id: group.id,
      expense,
      description: input.description,
      category: input.category,
      date: input.date ?? today(ctx.now, input),
      created_by: me.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      seq: 0
    }
    const insert = {
      sql: `INSERT INTO expenses (id, group_id, data, amount, description, category, date, created_by, created_at, updated_at)
            VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      params: [row.id, row.group_id, JSON.stringify(expense), expense.amount, row.description, row.category, row.date, row.created_by, now]
    }
    const { version, row: inserted } = await recordChangeWith(ctx.q, group, byMember(me), 'expense.add', summary(expense, input.description), ctx.now, insert)
    if (!inserted) throw new ApiError('DUPLICATE_ID', `An expense with id ${expense.id} already exists`)
    const view = expenseView({ ...row, seq: Number(inserted.seq) }, group.currency, shares)
    await expenseChanged(ctx, group, me, input.description, view.shares, expense.paidBy)
    return { expense: view, version }
  }),

  defineAction('editExpense', api.editExpense, { mutation: true, opening: lockWithRoster }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, LOCK_WITH_ROSTER)
    checkVersion(group, input.expectedVersion)
    const expense = input.expense as Expense
    const before = await findExpense(ctx.q, group.id, expense.id)
    if (!before) throw new ApiError('NOT_FOUND', 'No such expense in this group')
    if (before.deleted_at) throw new ApiError('EXPENSE_DELETED', 'This expense was deleted')
    checkExpense(expense, roster.ids, group.currency)
    await changeBalances(ctx, group, roster, { added: [expense], removed: [before.expense] })
    const description = input.description ?? before.description
    const category = input.category ?? before.category
    const date = input.date ?? before.date
    const res = await ctx.q.query<Record<string, unknown>>(
      `UPDATE expenses SET data = $3::jsonb, amount = $4, description = $5, category = $6, date = $7, updated_at = $8
        WHERE group_id = $1 AND id = $2 RETURNING ${EXPENSE_COLS}`,
      [group.id, expense.id, JSON.stringify(expense), expense.amount, description, category, date, ctx.now.toISOString()]
    )
    const version = await recordChange(
      ctx.q,
      group,
      byMember(me),
      'expense.edit',
      {
        expenseId: expense.id,
        before: { ...summary(before.expense, before.description), category: before.category, date: before.date, expense: before.expense },
        after: { ...summary(expense, description), category, date, expense }
      },
      ctx.now
    )
    const view = expenseView(expenseRow(res.rows[0]), group.currency)
    await expenseChanged(ctx, group, me, description, view.shares, expense.paidBy)
    return { expense: view, version }
  }),

  defineAction('deleteExpense', api.deleteExpense, { mutation: true, opening: lockWithRoster }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, LOCK_WITH_ROSTER)
    checkVersion(group, input.expectedVersion)
    const row = await findExpense(ctx.q, group.id, input.expenseId)
    if (!row) throw new ApiError('NOT_FOUND', 'No such expense in this group')
    if (row.deleted_at) throw new ApiError('EXPENSE_DELETED', 'This expense was already deleted')
    await changeBalances(ctx, group, roster, { removed: [row.expense] })
    await ctx.q.query('UPDATE expenses SET deleted_at = $3, updated_at = $3 WHERE group_id = $1 AND id = $2', [group.id, row.id, ctx.now.toISOString()])
    const version = await recordChange(ctx.q, group, byMember(me), 'expense.delete', summary(row.expense, row.description), ctx.now)
    return { expenseId: row.id, version }
  })
]
