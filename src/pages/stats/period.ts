import dayjs from 'dayjs'

/** The periods the statistics page offers. */
export type Period = 'all' | 'month' | 'lastMonth' | 'year'
export const periods: Period[] = ['all', 'month', 'lastMonth', 'year']

/** The days of a period (both ends included) around `today` (the phone's local day). */
export function periodRange(period: Period, today: dayjs.Dayjs = dayjs()): { from?: string; to?: string } {
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD')
  switch (period) {
    case 'month':
      return { from: day(today.startOf('month')), to: day(today.endOf('month')) }
    case 'lastMonth': {
      const last = today.subtract(1, 'month')
      return { from: day(last.startOf('month')), to: day(last.endOf('month')) }
    }
    case 'year':
      return { from: day(today.startOf('year')), to: day(today.endOf('year')) }
    default:
      return {}
  }
}
