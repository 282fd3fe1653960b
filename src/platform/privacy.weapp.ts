import Taro from '@tarojs/taro'
import type { AgreeButton } from './privacy-types'

/**
 * WeChat keeps the consent itself: when a privacy API (chooseMedia, the clipboard, the avatar button) needs the
 * user's agreement to the privacy guide declared in the console, it raises onNeedPrivacyAuthorization and holds the
 * call until the app resolves it. The agreement counts only through a `<button open-type="agreePrivacyAuthorization">`
 * whose id is passed back; a decline makes the API fail with errno 104.
 */
export const platformAsks = true

const AGREE_ID = 'privacy-agree'
export const agreeButton: AgreeButton = { openType: 'agreePrivacyAuthorization', id: AGREE_ID }

export function listenForConsent(ask: () => Promise<boolean>): void {
  Taro.onNeedPrivacyAuthorization((resolve) => {
    void ask().then((agreed) => resolve(agreed ? { event: 'agree', buttonId: AGREE_ID } : { event: 'disagree' }))
  })
}

/** The failure of a privacy API the user did not agree to (errno 104, "privacy permission is not authorized"). */
export function isPrivacyRefusal(error: unknown): boolean {
  const e = error as { errno?: number; errMsg?: string } | null
  return e?.errno === 104 || /privacy permission is not authorized/.test(e?.errMsg ?? '')
}
