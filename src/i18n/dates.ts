import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'
import type { Locale } from './index'

dayjs.extend(relativeTime)

const dayjsLocale: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' }

/**
 * How an expense date reads in a list: relative for the last week ("3 天前", "2 hours ago"),
 * a short date this year ("11月3日", "Nov 3"), and a full date before that.
 */
export function formatListDate(date: string | number | Date, locale: Locale, now: number = Date.now()): string {
  const d = dayjs(date).locale(dayjsLocale[locale])
  const reference = dayjs(now)
  if (reference.diff(d, 'day', true) < 7 && reference.diff(d, 'minute') > -5) return d.from(reference)
  if (d.year() === reference.year()) return d.format(locale === 'zh-CN' ? 'M月D日' : 'MMM D')
  return d.format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY')
}

/** The date an expense is on, as the picker shows it (YYYY-MM-DD). */
export function formatPickerDate(date: string | number | Date): string {
  return dayjs(date).format('YYYY-MM-DD')
}
