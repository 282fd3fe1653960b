/** What an edit of an expense changed (the expense's history, the activity page); loaded by those pages. */
export const zhCNChanges = {
  'change.description': '说明',
  'change.amount': '金额',
  'change.category': '类别',
  'change.date': '日期',
  'change.paidBy': '付款',
  'change.split': '分摊',
  'change.rate': '汇率',
  'change.splitEqual': '平均：{who}',
  'change.splitShares': '按份数：{who}',
  'change.splitPercent': '按比例：{who}',
  'change.splitExact': '按金额：{who}',
  'change.splitAdjust': '平均后调整：{who}'
}
