import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'
import { translate, type Locale } from './index'

dayjs.extend(relativeTime)

const dayjsLocale: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' }
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * How a date reads in a list: relative for the last week ("今天", "昨天", "3 天前"; "2 hours ago" for a
 * timestamp), a short date this year ("11月3日", "Nov 3"), and a full date before that.
 */
export function formatListDate(date: string | number | Date, locale: Locale, now: number = Date.now()): string {
  const dateOnly = typeof date === 'string' && DATE_ONLY.test(date)
  const d = dayjs(date).locale(dayjsLocale[locale])
  const reference = dayjs(now).locale(dayjsLocale[locale])
  if (dateOnly) {
    const days = reference.startOf('day').diff(d, 'day')
    if (days === 0) return translate(locale, 'date.today')
    if (days === 1) return translate(locale, 'date.yesterday')
    if (days > 1 && days < 7) return d.from(reference.startOf('day'))
  } else if (reference.diff(d, 'day', true) < 7 && reference.diff(d, 'minute') > -5) {
    return d.from(reference)
  }
  if (d.year() === reference.year()) return d.format(locale === 'zh-CN' ? 'M月D日' : 'MMM D')
  return d.format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY')
}

/** The date an expense is on, as the picker shows it (YYYY-MM-DD, local day). */
export function formatPickerDate(date: string | number | Date): string {
  return dayjs(date).format('YYYY-MM-DD')
}
