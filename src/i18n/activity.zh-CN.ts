/** Messages of the activity page, loaded with its subpackage. */
export const zhCNActivity = {
  'activity.title': '动态',
  'activity.empty': '还没有动态',
  'activity.add': '{actor} 记了一笔「{what}」{amount}',
  'activity.edit': '{actor} 修改了「{what}」',
  'activity.delete': '{actor} 删除了「{what}」',
  'activity.pay': '{actor} 记录了付款 {amount}',
  'activity.confirm': '{actor} 确认收到 {amount}',
  'activity.withdraw': '{actor} 撤回了一笔 {amount} 的付款',
  'activity.reject': '{actor} 说没收到 {amount}：{what}',
  'activity.join': '{actor} 加入了账本',
  'activity.groupCreate': '{actor} 创建了账本',
  'activity.groupUpdate': '{actor} 修改了账本：{what}',
  'activity.memberAdd': '{actor} 添加了成员 {what}',
  'activity.memberOrganizer': '{actor} 把组织者交给了 {what}',
  'activity.memberRename': '{actor} 把 {before} 改名为 {after}',
  'activity.inviteCreate': '{actor} 发出了邀请',
  'activity.inviteRevoke': '{actor} 作废了一个邀请',
  'activity.paymentOrder': '{actor} 发起了钱包付款 {amount}',
  'activity.paymentPaid': '钱包付款已到账 {amount}',
  'activity.payout': '转给收款人的钱有了新进展',
  'activity.other': '{actor} {what}'
}
