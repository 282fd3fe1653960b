import type { zhCNInvite } from './invite.zh-CN'

export const enInvite: Record<keyof typeof zhCNInvite, string> = {
  'invite.title': 'Invite friends',
  'invite.body': 'Send the group to your chat; friends join with one tap.',
  'invite.share': 'Send to chat',
  'invite.copy': 'Copy invite link',
  'invite.copied': 'Invite link copied',
  'invite.revoke': 'Revoke this invite',
  'invite.revoked': 'Invite revoked',
  'invite.shareTitle': '{name} invites you to "{group}"'
}
