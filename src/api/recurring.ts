/**
 * Recurring expenses (rent, subscriptions): addRecurring, editRecurring, stopRecurring, listRecurring.
 * A series makes one normal expense per occurrence (weekly from its start date, or monthly on a day of the month),
 * from its start date, until its end date if it has one. Maintained with cloud/actions/recurring.ts and
 * cloud/ledger/recurring.ts; merged into `actions` by ./index.ts. See docs/cloud.md "Recurring expenses".
 */
import { z } from 'zod'
import { CurrencySchema, ExpenseSchema, MemberIdSchema, MinorSchema, RateSchema, SplitSchema, type Expense } from '../domain'
import { ClientId, DateString, Id, text, Timestamp, TimeZone, UtcOffsetMinutes } from './common'
import type { ActionSchemas } from './envelope'

const Description = text(200, 1)
const Category = text(32, 1)

/** Weekly: every 7 days from the start date. Monthly: on `dayOfMonth` (1-31; the month's last day when it has fewer). */
export const RecurrenceRuleSchema = z.discriminatedUnion('frequency', [
  z.object({ frequency: z.literal('weekly') }),
  z.object({ frequency: z.literal('monthly'), dayOfMonth: z.number().int().min(1).max(31) })
])
export type RecurrenceRuleInput = z.infer<typeof RecurrenceRuleSchema>

/** The expense each occurrence copies: the domain Expense without its id (each occurrence gets its own). */
const TemplateShape = z.object({
  amount: MinorSchema,
  currency: CurrencySchema.optional(),
  rate: RateSchema.optional(),
  paidBy: z.record(MemberIdSchema, MinorSchema),
  split: SplitSchema
})
export type RecurringTemplate = z.infer<typeof TemplateShape>

/** A template as sent: checked with every rule of an expense (the same codes as addExpense). */
const RecurringTemplateInput = TemplateShape.transform((t) => ({ id: 'template', ...t }))
  .pipe(ExpenseSchema as unknown as z.ZodType<Expense, RecurringTemplate & { id: string }>)
  .transform(({ id: _id, ...template }) => template as RecurringTemplate)

export const RecurringView = z.object({
  id: Id,
  groupId: Id,
  expense: TemplateShape,
  description: z.string(),
  category: z.string(),
  rule: RecurrenceRuleSchema,
  startDate: DateString,
  endDate: DateString.nullable(),
  /** The next occurrence not yet made; null once the series has ended (past its end date) or was stopped. */
  nextDate: DateString.nullable(),
  /** The last occurrence made, or null. */
  lastDate: DateString.nullable(),
  /** How many occurrences were made. */
  createdCount: z.number().int(),
  /** Member id who set it up (the occurrences are added in their name). */
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  stoppedAt: Timestamp.nullable(),
  /** Why the function stopped it by itself (an error code, e.g. MEMBER_LEFT or UNKNOWN_MEMBER), or null. */
  stopReason: z.string().nullable()
})
export type RecurringView = z.infer<typeof RecurringView>

const endAfterStart = (v: { startDate: string; endDate?: string | null }, ctx: z.RefinementCtx) => {
  if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'the end date is before the start date' })
}

/**
 * Set up a series. Occurrences due by today (the sender's day: `timeZone`, else `utcOffsetMinutes`, else UTC; kept
 * with the series for every later occurrence) are made at once, in the same change; the rest as their day comes.
 */
const addRecurringInput = z
  .object({
    groupId: Id,
    clientId: ClientId,
    expense: RecurringTemplateInput,
    description: Description,
    category: Category.default('other'),
    rule: RecurrenceRuleSchema,
    startDate: DateString,
    endDate: DateString.optional(),
    timeZone: TimeZone.optional(),
    utcOffsetMinutes: UtcOffsetMinutes.optional()
  })
  .superRefine(endAfterStart)
const addRecurringOutput = z.object({ series: RecurringView, created: z.number().int(), version: z.number().int() })

/**
 * Change a live series: its expense, description, category, rule or end date (null: no end). Occurrences already
 * made stay as they are (edit or delete them as expenses); the change applies to the occurrences after today.
 */
const editRecurringInput = z.object({
  groupId: Id,
  clientId: ClientId,
  seriesId: Id,
  expense: RecurringTemplateInput.optional(),
  description: Description.optional(),
  category: Category.optional(),
  rule: RecurrenceRuleSchema.optional(),
  endDate: DateString.nullable().optional()
})
const editRecurringOutput = z.object({ series: RecurringView, created: z.number().int(), version: z.number().int() })

/** Stop a series: no occurrence after this; those made stay. */
const stopRecurringInput = z.object({ groupId: Id, clientId: ClientId, seriesId: Id })
const stopRecurringOutput = z.object({ series: RecurringView, version: z.number().int() })

/** The group's series that were not stopped, the next occurrence first (ended ones, nextDate null, last). */
const listRecurringInput = z.object({ groupId: Id })
const listRecurringOutput = z.object({ items: z.array(RecurringView) })

export const recurringActions = {
  addRecurring: { input: addRecurringInput, output: addRecurringOutput },
  editRecurring: { input: editRecurringInput, output: editRecurringOutput },
  stopRecurring: { input: stopRecurringInput, output: stopRecurringOutput },
  listRecurring: { input: listRecurringInput, output: listRecurringOutput }
} satisfies Record<string, ActionSchemas>
