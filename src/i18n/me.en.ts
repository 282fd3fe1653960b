import type { zhCNMe } from './me.zh-CN'

export const enMe: Record<keyof typeof zhCNMe, string> = {
  'me.title': 'Me',
  'me.name': 'Name',
  'me.wallet': 'Preferred wallet',
  'me.qr': 'Collection QR code',
  'me.qrUpload': 'Upload QR code',
  'me.qrReplace': 'Replace QR code',
  'me.qrRemove': 'Remove QR code',
  'me.qrSaved': 'QR code uploaded',
  'me.qrHint': 'Friends can scan it to pay you directly',
  'me.language': 'Language',
  'me.saved': 'Saved',
  'me.notify': 'Notifications',
  'me.notify.reminder': 'Reminders to pay',
  'me.notify.expense': 'Expenses that involve me, added or changed',
  'me.notify.paid': 'Someone paid me',
  'me.notify.confirmed': 'My payment was confirmed',
  'me.notify.subscribe': 'Turn on notifications',
  'me.notify.preview': 'Notifications arrive in the WeChat or Alipay mini-program; your choices here apply there',
  'me.notify.state.accept': 'Subscribed',
  'me.notify.state.reject': 'Declined',
  'me.notify.state.off': 'Not subscribed'
}
