import type { zhCNChanges } from './changes.zh-CN'

export const enChanges: Record<keyof typeof zhCNChanges, string> = {
  'change.description': 'Description',
  'change.amount': 'Amount',
  'change.category': 'Category',
  'change.date': 'Date',
  'change.paidBy': 'Paid by',
  'change.split': 'Split',
  'change.rate': 'Rate',
  'change.splitEqual': 'equally: {who}',
  'change.splitShares': 'by shares: {who}',
  'change.splitPercent': 'by percent: {who}',
  'change.splitExact': 'by amounts: {who}',
  'change.splitAdjust': 'equally with adjustments: {who}'
}
