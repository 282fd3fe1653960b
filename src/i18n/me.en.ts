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
  'me.saved': 'Saved'
}
