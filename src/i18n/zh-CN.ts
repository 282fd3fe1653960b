export const zhCN = {
  'app.name': '分账',
  'groups.title': '我的账本',
  'groups.empty.title': '还没有账本',
  'groups.empty.body': '建一个账本，把群里的朋友拉进来，记下每一笔，最后一键算清谁该给谁多少钱。',
  'groups.create': '新建账本',
  'platform.payWith': '使用{wallet}付款'
} as const
