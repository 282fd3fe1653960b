/**
 * Looking back at a group: its statistics (groupStats) and one expense with its history (getExpense).
 * Maintained with cloud/actions/look-back.ts; merged into `actions` by ./index.ts.
 */
import { z } from 'zod'
import { Amount, DateString, Id } from './common'
import { ReceiptView } from './receipts'
import { ActivityView, ExpenseView } from './views'
import type { ActionSchemas } from './envelope'

/** A period of days, both ends included; either end may be open. `from` after `to` is INVALID_INPUT. */
const period = z
  .object({ groupId: Id, from: DateString.optional(), to: DateString.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'from must not be after to', path: ['from'] })

const CategoryTotal = z.object({ category: z.string(), total: Amount, count: z.number().int() })
const MemberTotal = z.object({ memberId: Id, paid: Amount, consumed: Amount })
const MonthTotal = z.object({ month: z.string(), total: Amount })

/**
 * The group's spending in the period, in the group currency, exact to the minor unit: by category, by member
 * (paid and consumed), by month; refunds subtracted, payments between members not counted. Every member is listed.
 * `mine`: the caller's own paid and consumed.
 */
export const GroupStatsView = z.object({
  currency: z.string(),
  from: DateString.nullable(),
  to: DateString.nullable(),
  total: Amount,
  count: z.number().int(),
  byCategory: z.array(CategoryTotal),
  byMember: z.array(MemberTotal),
  byMonth: z.array(MonthTotal),
  mine: MemberTotal
})
export type GroupStatsView = z.infer<typeof GroupStatsView>

/**
 * One expense, deleted ones included (`deletedAt`), with its history (every add, edit and delete, and every receipt
 * photo added or removed, newest first) and its receipt photos (oldest first).
 */
const getExpenseInput = z.object({ groupId: Id, expenseId: Id })
const getExpenseOutput = z.object({
  expense: ExpenseView,
  deletedAt: z.string().nullable(),
  history: z.array(ActivityView),
  receipts: z.array(ReceiptView)
})

export const lookBackActions = {
  groupStats: { input: period, output: GroupStatsView },
  getExpense: { input: getExpenseInput, output: getExpenseOutput }
} satisfies Record<string, ActionSchemas>
