import type { zhCNStats } from './stats.zh-CN'

export const enStats: Record<keyof typeof zhCNStats, string> = {
  'stats.title': 'Statistics',
  'stats.period.all': 'All time',
  'stats.period.month': 'This month',
  'stats.period.lastMonth': 'Last month',
  'stats.period.year': 'This year',
  'stats.total': 'Group spending',
  'stats.count': '{count} expenses',
  'stats.myPaid': 'I paid',
  'stats.myConsumed': 'My share',
  'stats.byCategory': 'By category',
  'stats.byMember': 'By member',
  'stats.byMonth': 'By month',
  'stats.paid': 'Paid',
  'stats.consumed': 'Share',
  'stats.memberLegend': 'Paid: money put in for the group · Share: their own part',
  'stats.empty': 'No spending in this period',
  'stats.bar': '{name} {amount}, {percent}',
  'stats.memberBar': '{name}: paid {paid}, share {consumed}',
  'stats.monthBar': '{month}: {amount}',
  'stats.export': 'Export',
  'stats.export.hint': 'CSV opens in a spreadsheet; JSON imports as a new group.',
  'stats.export.csv': 'Prepare CSV',
  'stats.export.json': 'Prepare JSON',
  'stats.export.send': 'Send {name}'
}
