/** Recurring expenses as the group page sees them. */
import type { GroupView } from '@/api'
import type { RecurrenceRuleInput } from '@/api/recurring'
import { translate, type Locale } from '@/i18n'

type Next = GroupView['nextRecurring']

/**
 * Whether reading the group will make recurring expenses (the function catches up when the group is read), so the
 * expense list should be read again after it: the next occurrence is due by `today` (YYYY-MM-DD), or the group was
 * not known before and has a series.
 */
export function listAfterCatchUp(before: Next | undefined, known: boolean, after: Next | undefined, today: string): boolean {
  if (!known) return Boolean(after)
  return Boolean(before && before.date <= today)
}

export type Repeat = 'none' | 'weekly' | 'monthly'

/** The rule a repeat choice makes from the first date: weekly from it, or monthly on its day of the month. */
export function ruleOf(repeat: Exclude<Repeat, 'none'>, startDate: string): RecurrenceRuleInput {
  return repeat === 'weekly' ? { frequency: 'weekly' } : { frequency: 'monthly', dayOfMonth: Number(startDate.slice(8, 10)) }
}

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['日', '一', '二', '三', '四', '五', '六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
}

/** A rule in words: "每周三" (the start date's weekday), "每月 31 日（小月为最后一天）". */
export function describeRule(rule: RecurrenceRuleInput, startDate: string, locale: Locale): string {
  if (rule.frequency === 'weekly') {
    const [y, m, d] = startDate.split('-').map(Number)
    const weekday = WEEKDAYS[locale][new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]!
    return translate(locale, 'recurring.ruleWeekly', { weekday })
  }
  return translate(locale, rule.dayOfMonth > 28 ? 'recurring.ruleMonthlyEnd' : 'recurring.ruleMonthly', { day: rule.dayOfMonth })
}
