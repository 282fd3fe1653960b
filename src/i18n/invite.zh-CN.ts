/** Messages of the invite page, loaded with its subpackage. */
export const zhCNInvite = {
  'invite.title': '邀请朋友',
  'invite.body': '把账本发到群里，朋友点开就能加入。',
  'invite.share': '发送到聊天',
  'invite.copy': '复制邀请链接',
  'invite.copied': '邀请链接已复制',
  'invite.code': '邀请码',
  'invite.copyCode': '复制邀请',
  'invite.codeCopied': '邀请已复制，发给朋友吧',
  'invite.linkText': '{name} 邀请你加入「{group}」：点开链接就能加入 {link} （也可以在「分账」小程序首页点「用邀请码加入」，输入邀请码 {code}）',
  'invite.codeText': '{name} 邀请你加入「{group}」：打开「分账」小程序，点首页的「用邀请码加入」，粘贴这段话或输入邀请码 {code}',
  'invite.revoke': '作废这个邀请',
  'invite.revoked': '邀请已作废',
  'invite.shareTitle': '{name} 邀请你加入「{group}」'
}
