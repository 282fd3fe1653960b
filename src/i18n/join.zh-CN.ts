/** Messages of the join page (its own subpackage), loaded with it by src/i18n/join.ts. */
export const zhCNJoin = {
  'join.title': '加入账本',
  'join.invited': '你被邀请加入',
  'join.claim': '我是其中一位',
  'join.claimHint': '如果账本里已经有你的名字，选中它，之前的账会算在你名下。',
  'join.asNew': '作为新成员加入',
  'join.joined': '已加入',
  'join.invalid': '邀请已失效'
}
