/** Messages of the Me page, loaded with its subpackage. */
export const zhCNMe = {
  'me.title': '我',
  'me.name': '名字',
  'me.wallet': '收付款方式',
  'me.qr': '收款码',
  'me.qrUpload': '上传收款码',
  'me.qrReplace': '更换收款码',
  'me.qrRemove': '删除收款码',
  'me.qrSaved': '已上传收款码',
  'me.qrHint': '朋友可以直接扫码付款给你',
  'me.language': '语言',
  'me.saved': '已保存'
}
