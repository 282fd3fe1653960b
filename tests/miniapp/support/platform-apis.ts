/**
 * The platform APIs each target has stopped maintaining, and a scan of the app's own code for them. Sources: the
 * WeChat mini-program API reference (each marked 停止维护 / no longer returning data, with its replacement) and
 * Alipay's open documentation (superseded APIs). Extend the lists when a platform deprecates another API the app uses.
 */
import { apiUses, type ApiUse } from '../../../scripts/lib/api-uses'

export const DEPRECATED: Record<'weapp' | 'alipay', Record<string, string>> = {
  weapp: {
    chooseImage: 'chooseMedia (chooseImage is not maintained since base library 2.21.0)',
    chooseVideo: 'chooseMedia',
    getSystemInfoSync: 'getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting (since 2.20.1)',
    getSystemInfo: 'getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting (since 2.20.1)',
    getSystemInfoAsync: 'getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting (since 2.20.1)',
    getUserInfo: 'the chooseAvatar button and a nickname input (no real data since 2022-10-25)',
    getUserProfile: 'the chooseAvatar button and a nickname input (no real data since 2022-10-25)'
  },
  alipay: {
    getAuthUserInfo: 'getOpenUserInfo',
    httpRequest: 'request'
  }
}

export interface DeprecatedUse extends ApiUse {
  instead: string
}

/** Every use of a deprecated API in the files a target builds (scripts/lib/api-uses.ts reads the code). */
export function deprecatedApiUses(srcDir: string): DeprecatedUse[] {
  return apiUses(srcDir).flatMap((use) => {
    const instead = DEPRECATED[use.target][use.api]
    return instead ? [{ ...use, instead }] : []
  })
}

/**
 * The rules of a compiled style sheet that pin something to the bottom of the screen (`position: fixed; bottom: 0`,
 * not a full-screen mask) without leaving room for the home indicator (`env(safe-area-inset-bottom)`).
 */
export function bottomBarsWithoutSafeArea(css: string): string[] {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)]
  return rules
    .filter(([, , body]) => {
      const decl = body!.replace(/\s+/g, '')
      return /position:fixed/.test(decl) && /(^|;)bottom:0(px|rpx)?(;|$)/.test(decl) && !/(^|;)top:0(px|rpx)?(;|$)/.test(decl) && !decl.includes('safe-area-inset-bottom')
    })
    .map(([, selector]) => selector!.trim())
}
