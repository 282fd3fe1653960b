import type { zhCNInvite } from './invite.zh-CN'

export const enInvite: Record<keyof typeof zhCNInvite, string> = {
  'invite.title': 'Invite friends',
  'invite.body': 'Send the group to your chat; friends join with one tap.',
  'invite.share': 'Send to chat',
  'invite.copy': 'Copy invite link',
  'invite.code': 'Invite code',
  'invite.copyCode': 'Copy invitation',
  'invite.codeCopied': 'Invitation copied: send it to your friends',
  'invite.linkText': '{name} invites you to "{group}": open {link} to join (or tap "Join with a code" on the mini-program\'s home page and enter {code})',
  'invite.codeText': '{name} invites you to "{group}": open the SplitPay mini-program, tap "Join with a code" on the home page and paste this message or the code {code}',
  'invite.copied': 'Invite link copied',
  'invite.revoke': 'Revoke this invite',
  'invite.revoked': 'Invite revoked',
  'invite.shareTitle': '{name} invites you to "{group}"'
}
