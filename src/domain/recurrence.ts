/**
 * When a recurring expense happens: pure calendar arithmetic on days written YYYY-MM-DD (no time zone: the caller
 * decides which day "today" is).
 *
 * - weekly: every 7 days from the start date (the start date is the first occurrence);
 * - monthly: on `dayOfMonth` (1..31) of every month from the start date on; in a month without that day, on its last
 *   day (31 -> Feb 28 or 29, Apr 30). The start date itself is an occurrence only when it is such a day.
 *
 * A schedule may end: no occurrence is after `endDate` (inclusive bound).
 */

export type RecurrenceRule = { frequency: 'weekly' } | { frequency: 'monthly'; dayOfMonth: number }

export interface Schedule {
  rule: RecurrenceRule
  /** The first day the series may happen on. */
  startDate: string
  /** The last day it may happen on (inclusive), or none. */
  endDate?: string | null
}

const DAY_MS = 86_400_000

/** Date.UTC without its two-digit-year rule (years 0..99 are not 1900..1999 here). */
function utc(year: number, monthIndex: number, day: number): number {
  const t = new Date(0)
  t.setUTCFullYear(year, monthIndex, day)
  return t.getTime()
}

/** Days since 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round(utc(y, m - 1, d) / DAY_MS)
}

/** The YYYY-MM-DD day of a day number. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10)
}

/** `date` moved by `days` (negative: back). */
export function addDays(date: string, days: number): string {
  return dayString(dayNumber(date) + days)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate()
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** The monthly occurrence in (year, month 1..12): `dayOfMonth`, or the month's last day when it has fewer. */
function monthlyDay(year: number, month: number, dayOfMonth: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(dayOfMonth, daysInMonth(year, month)))}`
}

/** The first occurrence of the rule on or after `date`, ignoring the start and end dates (weekly: anchored at `anchor`). */
function ruleOnOrAfter(rule: RecurrenceRule, anchor: string, date: string): string {
  if (rule.frequency === 'weekly') {
    const a = dayNumber(anchor)
    const d = dayNumber(date)
    if (d <= a) return anchor
    return dayString(a + Math.ceil((d - a) / 7) * 7)
  }
  let [y, m] = date.split('-').map(Number) as [number, number]
  for (;;) {
    const candidate = monthlyDay(y, m, rule.dayOfMonth)
    if (candidate >= date) return candidate
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
}

/** The first occurrence on or after `date` (and on or after the start), or null when the schedule has ended by then. */
export function firstOnOrAfter(schedule: Schedule, date: string): string | null {
  const from = date > schedule.startDate ? date : schedule.startDate
  const next = ruleOnOrAfter(schedule.rule, schedule.startDate, from)
  return schedule.endDate && next > schedule.endDate ? null : next
}

/** The first occurrence strictly after `date`, or null when there is none. */
export function nextOccurrence(schedule: Schedule, after: string): string | null {
  return firstOnOrAfter(schedule, addDays(after, 1))
}

/**
 * The occurrences from `from` through `through` (both inclusive), in order, at most `limit` of them (the caller
 * continues from the day after the last one).
 */
export function occurrencesBetween(schedule: Schedule, from: string, through: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = []
  let next = firstOnOrAfter(schedule, from)
  while (next !== null && next <= through && out.length < limit) {
    out.push(next)
    next = nextOccurrence(schedule, next)
  }
  return out
}
