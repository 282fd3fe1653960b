/** What differs per build target. Each target's file (`*.weapp.ts`, `*.alipay.ts`, `*.h5.ts`) implements these. */
import type { Locale } from '@/i18n'

export type Target = 'weapp' | 'alipay' | 'h5'
export type WalletKind = 'wechat' | 'alipay' | 'sandbox'

export interface PlatformInfo {
  target: Target
  /** The in-app wallet this build pays with. */
  wallet: WalletKind
  walletName: Record<Locale, string>
  /**
   * The input type for a person's display name: WeChat's `nickname` type offers the WeChat nickname above the
   * keyboard (getUserProfile no longer returns real data); elsewhere a plain typed name.
   */
  nameInput: 'nickname' | 'text'
}
