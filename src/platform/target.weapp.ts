import type { PlatformInfo } from './types'

export const platform: PlatformInfo = { target: 'weapp', wallet: 'wechat', walletName: { 'zh-CN': '微信支付', en: 'WeChat Pay' }, nameInput: 'nickname' }
