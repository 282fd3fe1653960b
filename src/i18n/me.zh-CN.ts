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
  'me.saved': '已保存',
  'me.notify': '通知',
  'me.notify.reminder': '别人提醒我付款',
  'me.notify.expense': '和我有关的账单新增或改动',
  'me.notify.paid': '有人付款给我',
  'me.notify.confirmed': '我的付款被确认',
  'me.notify.subscribe': '开启服务通知',
  'me.notify.preview': '在微信或支付宝小程序里才能收到服务通知；这里的选择会同步过去',
  'me.notify.state.accept': '已订阅',
  'me.notify.state.reject': '已拒绝',
  'me.notify.state.off': '未订阅'
}
