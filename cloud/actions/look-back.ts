/** Looking back: groupStats (spending by category, member and month) and getExpense (one expense, its history and receipt photos). */
import { lookBackActions as api } from '../../src/api/look-back'
import { StatsAccumulator } from '../../src/domain/stats'
import type { Expense } from '../../src/domain'
import { ApiError } from '../errors'
import { expenseView, findExpense } from '../ledger/expenses'
import { requireMember } from '../ledger/groups'
import { activityView, ACTIVITY_COLS } from '../ledger/activity'
import { liveReceipts, receiptView } from '../ledger/receipts'
import { fromJson, toInt } from '../store/convert'
import { defineAction } from './types'

/** Expenses read per query while the statistics are summed: the function pages; nothing leaves it but the totals. */
export const STATS_PAGE = 500

export const lookBackActions = [
  defineAction('groupStats', api.groupStats, {}, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, { roster: true })
    const acc = new StatsAccumulator(group.currency)
    const params: unknown[] = [group.id]
    let where = 'group_id = $1 AND deleted_at IS NULL'
    if (input.from) where += ` AND date >= $${params.push(input.from)}`
    if (input.to) where += ` AND date <= $${params.push(input.to)}`
    const after = params.push(0)
    const limit = params.push(STATS_PAGE)
    // one snapshot (reads run in repeatable read): the totals agree with the balances read in the same state
    for (;;) {
      const res = await ctx.q.query<Record<string, unknown>>(`SELECT seq, data, category, date FROM expenses WHERE ${where} AND seq > $${after} ORDER BY seq LIMIT $${limit}`, params)
      for (const r of res.rows) acc.add({ expense: fromJson<Expense>(r.data), category: r.category as string, date: r.date as string })
      if (res.rows.length < STATS_PAGE) break
      params[after - 1] = toInt(res.rows[res.rows.length - 1].seq)
    }
    const left = new Set(roster.left.map((m) => m.id))
    const stats = acc.result(roster.ids.filter((id) => !left.has(id)))
    const mine = stats.byMember.find((m) => m.memberId === me.id) ?? { memberId: me.id, paid: 0, consumed: 0 }
    return { ...stats, from: input.from ?? null, to: input.to ?? null, mine }
  }),

  defineAction('getExpense', api.getExpense, {}, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const row = await findExpense(ctx.q, group.id, input.expenseId)
    if (!row) throw new ApiError('NOT_FOUND', 'No such expense in this group')
    const res = await ctx.q.query<Record<string, unknown>>(
      // the predicate is migration 020's index's (activity_expense_history), so that index serves it
      `SELECT ${ACTIVITY_COLS} FROM activity WHERE group_id = $1 AND (kind LIKE 'expense.%' OR kind LIKE 'receipt.%') AND data->>'expenseId' = $2 ORDER BY seq DESC LIMIT 100`,
      [group.id, row.id]
    )
    const receipts = await Promise.all((await liveReceipts(ctx.q, row.id)).map((r) => receiptView(ctx, ctx.q, r, ctx.now)))
    const history = res.rows.map(activityView)
    // an expense that came with an imported file has no entry of its own: the import is where it began
    if (!history.some((a) => a.kind === 'expense.add')) {
      const imported = await ctx.q.query<Record<string, unknown>>(`SELECT ${ACTIVITY_COLS} FROM activity WHERE group_id = $1 AND kind = 'group.import' ORDER BY seq LIMIT 1`, [group.id])
      history.push(...imported.rows.map(activityView))
    }
    return { expense: expenseView(row, group.currency), deletedAt: row.deleted_at, history, receipts }
  })
]
