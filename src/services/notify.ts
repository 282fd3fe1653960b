import Taro from '@tarojs/taro'
import { translate, translateError, type Locale } from '@/i18n'
import { isCallError } from './errors'

/** A short message at the bottom of the screen (toast without an icon, so long text is not cut). */
export function notify(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => {})
}

/** What a failed call says to the person: the function's error code in their language, or a general error. */
export function failureText(e: unknown, locale: Locale): string {
  return isCallError(e) ? translateError(locale, e.code) : translate(locale, 'common.error')
}

/** Says a failed call in a toast. */
export function notifyFailure(e: unknown, locale: Locale): void {
  notify(failureText(e, locale))
}
