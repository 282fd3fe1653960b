import type { PlatformInfo } from './types'

export const platform: PlatformInfo = { target: 'h5', wallet: 'sandbox', walletName: { 'zh-CN': '沙盒钱包', en: 'Sandbox wallet' }, nameInput: 'text' }
