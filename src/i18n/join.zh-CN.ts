/** Messages of the join page (its own subpackage), loaded with it by src/i18n/join.ts. */
export const zhCNJoin = {
  'join.title': '加入账本',
  'join.invited': '你被邀请加入',
  'join.claim': '我是其中一位',
  'join.claimHint': '如果账本里已经有你的名字，选中它，之前的账会算在你名下。',
  'join.asNew': '作为新成员加入',
  'join.joined': '已加入',
  'join.invalid': '邀请已失效',
  'join.codeHint': '粘贴朋友发来的邀请，或输入邀请码',
  'join.codePlaceholder': '邀请或邀请码',
  'join.codeSubmit': '查看账本',
  'join.codeMissing': '这里面没有邀请码'
}
