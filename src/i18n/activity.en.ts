import type { zhCNActivity } from './activity.zh-CN'

export const enActivity: Record<keyof typeof zhCNActivity, string> = {
  'activity.title': 'Activity',
  'activity.empty': 'No activity yet',
  'activity.add': '{actor} added "{what}" {amount}',
  'activity.edit': '{actor} edited "{what}"',
  'activity.delete': '{actor} deleted "{what}"',
  'activity.pay': '{actor} recorded a payment of {amount}',
  'activity.confirm': '{actor} confirmed receiving {amount}',
  'activity.withdraw': '{actor} withdrew a payment of {amount}',
  'activity.reject': '{actor} did not receive {amount}: {what}',
  'activity.join': '{actor} joined the group',
  'activity.groupCreate': '{actor} created the group',
  'activity.groupUpdate': '{actor} changed the group: {what}',
  'activity.memberAdd': '{actor} added {what}',
  'activity.memberOrganizer': '{actor} made {what} the organizer',
  'activity.memberRename': '{actor} renamed {before} to {after}',
  'activity.inviteCreate': '{actor} sent an invite',
  'activity.inviteRevoke': '{actor} revoked an invite',
  'activity.paymentOrder': '{actor} started a wallet payment of {amount}',
  'activity.paymentPaid': 'A wallet payment of {amount} arrived',
  'activity.payout': 'A payout to the receiver was updated',
  'activity.other': '{actor} {what}'
}
