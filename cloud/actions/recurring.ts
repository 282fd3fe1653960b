/** Recurring expenses: addRecurring, editRecurring, stopRecurring, listRecurring (see cloud/ledger/recurring.ts). */
import { recurringActions as api } from '../../src/api/recurring'
import { addDays, firstOnOrAfter } from '../../src/domain/recurrence'
import { ApiError } from '../errors'
import { today } from '../ledger/expenses'
import { byMember, memberQuery, recordChange, requireMember, type GroupRow } from '../ledger/groups'
import {
  carryState,
  catchUpGroup,
  checkTemplate,
  findSeries,
  liveSeries,
  makeDueOccurrences,
  MAX_BACKFILL_DAYS,
  newSeriesId,
  scheduleOf,
  seriesToday,
  seriesView,
  type SeriesRow
} from '../ledger/recurring'
import { defineAction, type ActionContext } from './types'

const LOCK_WITH_ROSTER = { lock: true, roster: true }
const lockWithRoster = (input: { groupId: string }, userId: string) => memberQuery(input.groupId, userId, LOCK_WITH_ROSTER)

/** The series, live, or RECURRING_NOT_FOUND / RECURRING_STOPPED. */
async function liveOne(ctx: ActionContext, group: GroupRow, seriesId: string): Promise<SeriesRow> {
  const series = await findSeries(ctx.q, group.id, seriesId)
  if (!series) throw new ApiError('RECURRING_NOT_FOUND', 'No such recurring expense in this group')
  if (series.stopped_at) throw new ApiError('RECURRING_STOPPED', 'This recurring expense was stopped')
  return series
}

async function reread(ctx: ActionContext, group: GroupRow, seriesId: string): Promise<SeriesRow> {
  return (await findSeries(ctx.q, group.id, seriesId))!
}

/** What the activity log keeps of a series' terms. */
function terms(s: Pick<SeriesRow, 'description' | 'category' | 'template' | 'rule' | 'end_date'>) {
  return { description: s.description, category: s.category, amount: s.template.amount, currency: s.template.currency ?? null, rule: s.rule, endDate: s.end_date }
}

export const recurringActionList = [
  defineAction('addRecurring', api.addRecurring, { mutation: true, opening: lockWithRoster }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, LOCK_WITH_ROSTER)
    checkTemplate(input.expense, group, roster)
    const where = { timeZone: input.timeZone, utcOffsetMinutes: input.utcOffsetMinutes }
    const day = today(ctx.now, where)
    if (input.startDate < addDays(day, -MAX_BACKFILL_DAYS)) {
      throw new ApiError('INVALID_INPUT', `startDate: at most ${MAX_BACKFILL_DAYS} days back`, { issues: [{ path: ['startDate'], message: `at most ${MAX_BACKFILL_DAYS} days back` }] })
    }
    const id = newSeriesId()
    const endDate = input.endDate ?? null
    const next = firstOnOrAfter({ rule: input.rule, startDate: input.startDate, endDate }, input.startDate)
    const now = ctx.now.toISOString()
    await ctx.q.query(
      `INSERT INTO recurring_series (id, group_id, template, description, category, rule, start_date, end_date, time_zone, utc_offset_minutes, next_date, created_by, created_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $13)`,
      [id, group.id, JSON.stringify(input.expense), input.description, input.category, JSON.stringify(input.rule), input.startDate, endDate, input.timeZone ?? null, input.utcOffsetMinutes ?? null, next, me.id, now]
    )
    const data = { seriesId: id, startDate: input.startDate, ...terms({ ...input, template: input.expense, end_date: endDate }) }
    const version = await recordChange(ctx.q, group, byMember(me), 'recurring.add', data, ctx.now)
    carryState(ctx, group, version)
    // what is due already (a start today or in the past) is made now, in this change: refused as a whole if the group cannot take it
    const made = await makeDueOccurrences(ctx, { ...group, version }, roster, { seriesId: id, onFailure: 'throw' })
    return { series: seriesView(await reread(ctx, group, id)), created: made.created, version: made.group.version }
  }),

  defineAction('editRecurring', api.editRecurring, { mutation: true, opening: lockWithRoster }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, LOCK_WITH_ROSTER)
    const before = await liveOne(ctx, group, input.seriesId)
    if (input.expense) checkTemplate(input.expense, group, roster)
    // what was due by today is made on the old terms first (the change is for what comes after); an occurrence the
    // group can no longer take on the old terms stays due and is made on the new ones
    const old = await makeDueOccurrences(ctx, group, roster, { seriesId: before.id, onFailure: 'leave' })
    const caught = await reread(ctx, group, before.id)
    const day = seriesToday(caught, ctx.now)
    const from = caught.next_date !== null && caught.next_date <= day ? caught.next_date : addDays(day, 1)
    const after = {
      template: input.expense ?? caught.template,
      description: input.description ?? caught.description,
      category: input.category ?? caught.category,
      rule: input.rule ?? caught.rule,
      end_date: input.endDate === undefined ? caught.end_date : input.endDate
    }
    if (after.end_date !== null && after.end_date < caught.start_date) {
      throw new ApiError('INVALID_INPUT', 'endDate: the end date is before the start date', { issues: [{ path: ['endDate'], message: 'the end date is before the start date' }] })
    }
    const next = firstOnOrAfter(scheduleOf({ ...after, start_date: caught.start_date }), from)
    await ctx.q.query(
      `UPDATE recurring_series SET template = $2::jsonb, description = $3, category = $4, rule = $5::jsonb, end_date = $6, next_date = $7, updated_at = $8 WHERE id = $1`,
      [before.id, JSON.stringify(after.template), after.description, after.category, JSON.stringify(after.rule), after.end_date, next, ctx.now.toISOString()]
    )
    const current = old.group
    const version = await recordChange(ctx.q, current, byMember(me), 'recurring.edit', { seriesId: before.id, before: terms(before), after: terms(after) }, ctx.now)
    carryState(ctx, current, version)
    const made = await makeDueOccurrences(ctx, { ...current, version }, roster, { seriesId: before.id, onFailure: 'throw' })
    return { series: seriesView(await reread(ctx, group, before.id)), created: old.created + made.created, version: made.group.version }
  }),

  defineAction('stopRecurring', api.stopRecurring, { mutation: true, opening: lockWithRoster }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, LOCK_WITH_ROSTER)
    const series = await liveOne(ctx, group, input.seriesId)
    // what was due by today is made first: stopping is for what comes after
    const made = await makeDueOccurrences(ctx, group, roster, { seriesId: series.id, onFailure: 'leave' })
    const now = ctx.now.toISOString()
    await ctx.q.query('UPDATE recurring_series SET stopped_at = $2, next_date = NULL, updated_at = $2 WHERE id = $1', [series.id, now])
    const version = await recordChange(ctx.q, made.group, byMember(me), 'recurring.stop', { seriesId: series.id, description: series.description }, ctx.now)
    carryState(ctx, made.group, version)
    return { series: seriesView(await reread(ctx, group, series.id)), version }
  }),

  defineAction('listRecurring', api.listRecurring, {}, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    await catchUpGroup(ctx, group)
    return { items: (await liveSeries(ctx.q, group.id)).map(seriesView) }
  })
]
