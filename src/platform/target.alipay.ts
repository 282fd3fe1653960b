import type { PlatformInfo } from './types'

export const platform: PlatformInfo = { target: 'alipay', wallet: 'alipay', walletName: { 'zh-CN': '支付宝', en: 'Alipay' }, nameInput: 'text' }
