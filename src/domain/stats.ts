/**
 * Spending statistics of a group: totals by category, by member (what each paid and what each consumed) and by
 * month, in the group currency, exact to the minor unit. Fed one expense at a time, so the function can page
 * through a big group without holding it.
 *
 * Invariants (tested): the categories, the months, what the members paid, and what they consumed each sum to `total`.
 * A refund (negative amount) counts negatively, as it does in the balances. Payments between members are not spending.
 */
import { payerEntries } from './payers'
import { expenseTotal } from './money/convert'
import { splitEntries } from './split'
import type { CurrencyCode, Expense, MemberId, Minor } from './types'

/** An expense with the fields statistics group by. */
export interface StatsItem {
  expense: Expense
  category: string
  /** YYYY-MM-DD */
  date: string
}

export interface CategoryTotal {
  category: string
  total: Minor
  count: number
}

export interface MemberTotal {
  memberId: MemberId
  /** What the member paid (received, for refunds), in the group currency. */
  paid: Minor
  /** The member's shares of the expenses, in the group currency. */
  consumed: Minor
}

export interface MonthTotal {
  /** YYYY-MM */
  month: string
  total: Minor
}

export interface GroupStatistics {
  currency: CurrencyCode
  /** Everything spent (refunds subtracted). */
  total: Minor
  count: number
  /** Largest first (ties by category name). */
  byCategory: CategoryTotal[]
  /** Largest consumption first (ties by member id). */
  byMember: MemberTotal[]
  /** Oldest first; a month between two with spending and none of its own is listed with 0. */
  byMonth: MonthTotal[]
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export class StatsAccumulator {
  private total = 0
  private count = 0
  private readonly categories = new Map<string, CategoryTotal>()
  private readonly members = new Map<MemberId, MemberTotal>()
  private readonly months = new Map<string, Minor>()

  constructor(private readonly currency: CurrencyCode) {}

  private member(id: MemberId): MemberTotal {
    let m = this.members.get(id)
    if (!m) {
      m = { memberId: id, paid: 0, consumed: 0 }
      this.members.set(id, m)
    }
    return m
  }

  add(item: StatsItem): void {
    const { total } = expenseTotal(item.expense, this.currency)
    this.total += total
    this.count += 1
    const cat = this.categories.get(item.category) ?? { category: item.category, total: 0, count: 0 }
    cat.total += total
    cat.count += 1
    this.categories.set(item.category, cat)
    const month = item.date.slice(0, 7)
    this.months.set(month, (this.months.get(month) ?? 0) + total)
    for (const [id, paid] of payerEntries(item.expense, this.currency)) this.member(id).paid += paid
    for (const [id, owed] of splitEntries(item.expense, this.currency)) this.member(id).consumed += owed
  }

  /** The statistics so far; `members` lists members to show with zeros when they spent nothing. */
  result(members: MemberId[] = []): GroupStatistics {
    for (const id of members) this.member(id)
    const byCategory = [...this.categories.values()].sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    const byMember = [...this.members.values()].sort((a, b) => b.consumed - a.consumed || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
    const keys = [...this.months.keys()].sort()
    const byMonth: MonthTotal[] = []
    if (keys.length > 0) {
      const last = keys[keys.length - 1]
      for (let m = keys[0]; m <= last; m = nextMonth(m)) byMonth.push({ month: m, total: this.months.get(m) ?? 0 })
    }
    return { currency: this.currency, total: this.total, count: this.count, byCategory, byMember: byMember.map((m) => ({ ...m })), byMonth }
  }
}

/** The statistics of a list of expenses (see {@link StatsAccumulator}). */
export function groupStatistics(items: Iterable<StatsItem>, currency: CurrencyCode, members: MemberId[] = []): GroupStatistics {
  const acc = new StatsAccumulator(currency)
  for (const item of items) acc.add(item)
  return acc.result(members)
}
