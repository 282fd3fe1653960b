/**
 * Recurring expenses: series rows, their view, and making their occurrences.
 *
 * Each occurrence is a normal expense, written the way addExpense writes one (the group's checks, changeBalances,
 * the row and its 'expense.add' activity in one statement), with an id derived from (series, day): `occurrenceId`.
 * Exactly once: occurrences are made only with the group row locked, the series' `next_date` moves past them in the
 * same transaction, and the expense id is a primary key; a concurrent runner or a retry waits on the lock, then finds
 * `next_date` moved (or, with a stale snapshot, fails to serialize and retries).
 *
 * "Today" for a series is its creator's day (the time zone or UTC offset sent with addRecurring, else UTC).
 */
import { randomBytes } from 'node:crypto'
import type { RecurringView, RecurringTemplate, RecurrenceRuleInput } from '../../src/api/recurring'
import { checkExpense, isDomainError, type Expense } from '../../src/domain'
import { addDays, nextOccurrence, occurrencesBetween, type Schedule } from '../../src/domain/recurrence'
import type { AppServices } from '../actions/types'
import type { Config } from '../config'
import { ApiError } from '../errors'
import type { Queryable } from '../store/db'
import { fromJson, toIso, toIsoOrNull } from '../store/convert'
import { checkLeftMembers, changeBalances, deltaOf } from './bounds'
import type { CacheView } from './cache'
import { today } from './expenses'
import { listMembers, lockGroup, recordChange, recordChangeWith, rosterOf, type GroupRow, type Roster } from './groups'

/** The most occurrences one series makes in one run (a request's catch-up or a timer run); the next run goes on. */
export const MAX_OCCURRENCES_PER_RUN = 400
/** How many groups one timer run takes on; the next run goes on. */
export const MAX_GROUPS_PER_RUN = 500
/** How far back a new series may start (its missed occurrences are made at once). */
export const MAX_BACKFILL_DAYS = 366

export interface SeriesRow {
  id: string
  group_id: string
  template: RecurringTemplate
  description: string
  category: string
  rule: RecurrenceRuleInput
  start_date: string
  end_date: string | null
  time_zone: string | null
  utc_offset_minutes: number | null
  next_date: string | null
  last_date: string | null
  created_count: number
  stopped_at: string | null
  stop_reason: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export const SERIES_COLS =
  'id, group_id, template, description, category, rule, start_date, end_date, time_zone, utc_offset_minutes, next_date, last_date, created_count, stopped_at, stop_reason, created_by, created_at, updated_at'
const S_COLS = SERIES_COLS.split(', ').map((c) => `s.${c}`).join(', ')

export function seriesRow(r: Record<string, unknown>): SeriesRow {
  return {
    id: r.id as string,
    group_id: r.group_id as string,
    template: fromJson<RecurringTemplate>(r.template),
    description: r.description as string,
    category: r.category as string,
    rule: fromJson<RecurrenceRuleInput>(r.rule),
    start_date: r.start_date as string,
    end_date: (r.end_date as string | null) ?? null,
    time_zone: (r.time_zone as string | null) ?? null,
    utc_offset_minutes: r.utc_offset_minutes === null || r.utc_offset_minutes === undefined ? null : Number(r.utc_offset_minutes),
    next_date: (r.next_date as string | null) ?? null,
    last_date: (r.last_date as string | null) ?? null,
    created_count: Number(r.created_count),
    stopped_at: toIsoOrNull(r.stopped_at),
    stop_reason: (r.stop_reason as string | null) ?? null,
    created_by: r.created_by as string,
    created_at: toIso(r.created_at),
    updated_at: toIso(r.updated_at)
  }
}

export function seriesView(row: SeriesRow): RecurringView {
  return {
    id: row.id,
    groupId: row.group_id,
    expense: row.template,
    description: row.description,
    category: row.category,
    rule: row.rule,
    startDate: row.start_date,
    endDate: row.end_date,
    nextDate: row.stopped_at ? null : row.next_date,
    lastDate: row.last_date,
    createdCount: row.created_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stoppedAt: row.stopped_at,
    stopReason: row.stop_reason
  }
}

export function scheduleOf(row: Pick<SeriesRow, 'rule' | 'start_date' | 'end_date'>): Schedule {
  return { rule: row.rule, startDate: row.start_date, endDate: row.end_date }
}

/** A new series id: `s_` and 96 random bits (18 characters). */
export function newSeriesId(): string {
  return `s_${randomBytes(12).toString('base64url')}`
}

/** The expense id of a series' occurrence on `date`: `r-<series id>-<YYYYMMDD>` (29 characters for a server-made id). */
export function occurrenceId(seriesId: string, date: string): string {
  return `r-${seriesId}-${date.replace(/-/g, '')}`
}

/** The series' day at `now`: in its time zone, else at its UTC offset, else in UTC. */
export function seriesToday(row: Pick<SeriesRow, 'time_zone' | 'utc_offset_minutes'>, now: Date): string {
  try {
    return today(now, { timeZone: row.time_zone ?? undefined, utcOffsetMinutes: row.utc_offset_minutes ?? undefined })
  } catch {
    // a time zone this runtime no longer knows: UTC
    return today(now)
  }
}

/** The latest day it can be anywhere at `now` (UTC+14 is at most one day ahead of UTC): what may be due. */
export function dueHorizon(now: Date): string {
  return addDays(today(now), 1)
}

export async function findSeries(q: Queryable, groupId: string, seriesId: string): Promise<SeriesRow | null> {
  const res = await q.query<Record<string, unknown>>(`SELECT ${SERIES_COLS} FROM recurring_series WHERE group_id = $1 AND id = $2`, [groupId, seriesId])
  return res.rows[0] ? seriesRow(res.rows[0]) : null
}

/** The group's series that were not stopped: the next occurrence first, ended ones (no next occurrence) last. */
export async function liveSeries(q: Queryable, groupId: string): Promise<SeriesRow[]> {
  const res = await q.query<Record<string, unknown>>(
    `SELECT ${SERIES_COLS} FROM recurring_series WHERE group_id = $1 AND stopped_at IS NULL ORDER BY next_date ASC NULLS LAST, created_at, id`,
    [groupId]
  )
  return res.rows.map(seriesRow)
}

/**
 * Refuses a template the group cannot take: a member not in the group or a currency without a rate (checkExpense,
 * the same codes as addExpense), or a share for a member who left (MEMBER_LEFT).
 */
export function checkTemplate(template: RecurringTemplate, group: GroupRow, roster: Roster): void {
  const expense = { ...template, id: 'template' } as Expense
  checkExpense(expense, roster.ids, group.currency)
  checkLeftMembers(roster.left, deltaOf(roster.ids, group.currency, { added: [expense] }).balances)
}

/** What a transaction that makes occurrences needs: its queries, its cache view, the limits and the time. */
export interface LedgerContext {
  q: Queryable
  cache: CacheView
  config: Config
  now: Date
}

/**
 * After a change that did not move any balance (`group` at the version before it, `version` after), the request's
 * cache carries the state over, so the next change in the same transaction does not rebuild it.
 */
export function carryState(ctx: LedgerContext, group: GroupRow, version: number, expense?: Expense, roster?: Roster): void {
  const before = ctx.cache.get(group.id, group.version)
  if (!before) return
  if (!expense || !roster) return ctx.cache.set(group.id, { ...before, version })
  const delta = deltaOf(roster.ids, group.currency, { added: [expense] })
  const balances = { ...before.balances }
  for (const [m, v] of Object.entries(delta.balances)) balances[m] = (balances[m] ?? 0) + v
  ctx.cache.set(group.id, { version, balances, expenseCount: before.expenseCount + delta.expenseCount, totalSpent: before.totalSpent + delta.totalSpent })
}

/** What an occurrence that cannot be made does: fail the request, stop the series, or leave it due (and go on). */
export type OnFailure = 'throw' | 'stop' | 'leave'

export interface MadeOccurrences {
  /** The group at its version after the occurrences. */
  group: GroupRow
  created: number
  stopped: number
}

function failureCode(err: unknown): string | null {
  if (err instanceof ApiError) return err.code
  if (isDomainError(err)) return err.code
  return null
}

/**
 * Makes the due occurrences of the group's live series (of one series with `seriesId`), at most
 * MAX_OCCURRENCES_PER_RUN per series. The caller holds the group's lock; `roster` is the group's. An occurrence the
 * group cannot take (a member who left or is gone, a limit, a quota) is handled as `onFailure` says; 'stop' stops the
 * series with the code as its reason and records 'recurring.stop'.
 */
export async function makeDueOccurrences(
  ctx: LedgerContext,
  group: GroupRow,
  roster: Roster,
  opts: { seriesId?: string; onFailure: OnFailure }
): Promise<MadeOccurrences> {
  const params: unknown[] = [group.id, dueHorizon(ctx.now)]
  if (opts.seriesId) params.push(opts.seriesId)
  const res = await ctx.q.query<Record<string, unknown>>(
    `SELECT ${S_COLS}, m.name AS creator_name FROM recurring_series s JOIN members m ON m.id = s.created_by
      WHERE s.group_id = $1 AND s.stopped_at IS NULL AND s.next_date IS NOT NULL AND s.next_date <= $2${opts.seriesId ? ' AND s.id = $3' : ''}
      ORDER BY s.next_date, s.id`,
    params
  )
  let current = group
  let created = 0
  let stopped = 0
  const nowIso = ctx.now.toISOString()
  for (const r of res.rows) {
    const series = seriesRow(r)
    const creator = { memberId: series.created_by, name: r.creator_name as string }
    const schedule = scheduleOf(series)
    const dates = occurrencesBetween(schedule, series.next_date!, seriesToday(series, ctx.now), MAX_OCCURRENCES_PER_RUN)
    if (dates.length === 0) continue
    const ids = dates.map((d) => occurrenceId(series.id, d))
    // an id already taken (an occurrence made before, even if deleted since) is never made again
    const taken = new Set((await ctx.q.query<{ id: string }>('SELECT id FROM expenses WHERE id = ANY($1::text[])', [ids])).rows.map((x) => x.id))
    let done: string | null = null
    let made = 0
    let failure: { code: string; date: string } | null = null
    for (const [i, date] of dates.entries()) {
      const id = ids[i]!
      if (!taken.has(id)) {
        const expense = { ...series.template, id } as Expense
        try {
          checkExpense(expense, roster.ids, current.currency)
          await changeBalances(ctx, current, roster, { added: [expense] })
        } catch (err) {
          const code = failureCode(err)
          if (opts.onFailure === 'throw' || code === null) throw err
          failure = { code, date }
          break
        }
        const insert = {
          sql: `INSERT INTO expenses (id, group_id, data, amount, description, category, date, created_by, created_at, updated_at)
                VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING RETURNING seq`,
          params: [id, current.id, JSON.stringify(expense), expense.amount, series.description, series.category, date, series.created_by, nowIso]
        }
        const data = { expenseId: id, description: series.description, amount: expense.amount, currency: expense.currency ?? null, seriesId: series.id, date }
        const { version, row } = await recordChangeWith(ctx.q, current, creator, 'expense.add', data, ctx.now, insert)
        // taken between the check above and now (only by a client choosing this very id): nothing of this run stays
        if (!row) throw new Error(`recurring: the id of occurrence ${id} was taken meanwhile`)
        carryState(ctx, current, version, expense, roster)
        current = { ...current, version }
        made++
      }
      done = date
    }
    created += made
    if (done !== null) {
      await ctx.q.query(
        'UPDATE recurring_series SET next_date = $2, last_date = $3, created_count = created_count + $4, updated_at = $5 WHERE id = $1',
        [series.id, nextOccurrence(schedule, done), done, made, nowIso]
      )
    }
    if (failure !== null && opts.onFailure === 'stop') {
      await ctx.q.query('UPDATE recurring_series SET stopped_at = $2, stop_reason = $3, next_date = NULL, updated_at = $2 WHERE id = $1', [series.id, nowIso, failure.code])
      const version = await recordChange(
        ctx.q,
        current,
        // in the creator's name (as its occurrences), so that erasing their account erases it here too
        creator,
        'recurring.stop',
        { seriesId: series.id, description: series.description, reason: failure.code, date: failure.date, automatic: true },
        ctx.now
      )
      carryState(ctx, current, version)
      current = { ...current, version }
      stopped++
    }
  }
  return { group: current, created, stopped }
}

/** The group's next occurrence not yet made, for the group page. */
export interface NextRecurring {
  seriesId: string
  date: string
  description: string
  amount: number
  currency: string | null
}

async function upcoming(q: Queryable, groupId: string): Promise<Array<SeriesRow>> {
  const res = await q.query<Record<string, unknown>>(
    `SELECT ${SERIES_COLS} FROM recurring_series WHERE group_id = $1 AND stopped_at IS NULL AND next_date IS NOT NULL ORDER BY next_date, id LIMIT 100`,
    [groupId]
  )
  return res.rows.map(seriesRow)
}

function nextOf(rows: SeriesRow[]): NextRecurring | null {
  const first = rows[0]
  return first ? { seriesId: first.id, date: first.next_date!, description: first.description, amount: first.template.amount, currency: first.template.currency ?? null } : null
}

/**
 * A group opened after a pause catches up: its due occurrences are made before it is shown (one indexed query when
 * nothing is due). Runs in the request's transaction; `group` is the caller's (unlocked) read of it. Returns the group
 * at its version after the catch-up, and the next occurrence still to come. An archived group is read-only: nothing
 * is made until it is restored.
 */
export async function catchUpGroup(ctx: LedgerContext, group: GroupRow): Promise<{ group: GroupRow; next: NextRecurring | null }> {
  const rows = await upcoming(ctx.q, group.id)
  const due = rows.some((s) => s.next_date! <= seriesToday(s, ctx.now))
  if (!due || group.archived_at) return { group, next: nextOf(rows) }
  const locked = await lockGroup(ctx.q, group.id)
  if (!locked || locked.archived_at) return { group, next: nextOf(rows) }
  const roster = rosterOf(await listMembers(ctx.q, group.id))
  const made = await makeDueOccurrences(ctx, locked, roster, { onFailure: 'stop' })
  return { group: made.group, next: nextOf(await upcoming(ctx.q, group.id)) }
}

const RETRYABLE_PG = new Set(['40001', '40P01'])

/** One group's due occurrences in a transaction of their own (retried on a serialization failure or deadlock). */
async function runGroup(services: AppServices, groupId: string, now: Date): Promise<MadeOccurrences | null> {
  for (let attempt = 0; ; attempt++) {
    const cache = services.cache.begin()
    try {
      const out = await services.db.transaction(async (q) => {
        const group = await lockGroup(q, groupId)
        if (!group || group.archived_at) return null
        const roster = rosterOf(await listMembers(q, groupId))
        return makeDueOccurrences({ q, cache, config: services.config, now }, group, roster, { onFailure: 'stop' })
      })
      cache.commit()
      return out
    } catch (err) {
      cache.abort()
      const code = (err as { code?: unknown }).code
      if (attempt < 4 && typeof code === 'string' && RETRYABLE_PG.has(code)) continue
      throw err
    }
  }
}

export interface RunReport {
  groups: number
  created: number
  stopped: number
  failed: number
}

/**
 * Makes every due occurrence of every live series (of groups neither archived nor deleted), one transaction per
 * group, at most MAX_GROUPS_PER_RUN groups and MAX_OCCURRENCES_PER_RUN occurrences per series: the timer's work.
 * Safe to run on any number of instances at once and to repeat. A group that fails is logged and left for the next run.
 */
export async function runDueSeries(services: AppServices, now: Date = services.clock()): Promise<RunReport> {
  const due = await services.db.query<{ group_id: string }>(
    `SELECT DISTINCT s.group_id FROM recurring_series s JOIN groups g ON g.id = s.group_id AND g.deleted_at IS NULL AND g.archived_at IS NULL
      WHERE s.stopped_at IS NULL AND s.next_date IS NOT NULL AND s.next_date <= $1
      ORDER BY s.group_id LIMIT $2`,
    [dueHorizon(now), MAX_GROUPS_PER_RUN]
  )
  const report: RunReport = { groups: 0, created: 0, stopped: 0, failed: 0 }
  for (const { group_id: groupId } of due.rows) {
    try {
      const out = await runGroup(services, groupId, now)
      if (!out) continue
      if (out.created || out.stopped) report.groups++
      report.created += out.created
      report.stopped += out.stopped
    } catch (err) {
      report.failed++
      console.error(`[splitpay] recurring: group ${groupId} failed, left for the next run:`, err)
    }
  }
  return report
}

/**
 * The long-running server's timer: runDueSeries every `intervalMs` (and once soon after start), one run at a time,
 * unref'd. `stop` clears it and waits for a run in progress.
 */
export function startRecurringTimer(services: AppServices, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null
  let stopped = false
  const tick = () => {
    if (running || stopped) return
    running = runDueSeries(services)
      .catch((err: unknown) => console.error('[splitpay] recurring run failed:', err))
      .finally(() => (running = null))
  }
  const first = setTimeout(tick, Math.min(intervalMs, 5_000))
  first.unref?.()
  const timer = setInterval(tick, intervalMs)
  timer.unref?.()
  return {
    async stop() {
      stopped = true
      clearTimeout(first)
      clearInterval(timer)
      await running
    }
  }
}
