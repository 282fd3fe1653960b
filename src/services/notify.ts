import Taro from '@tarojs/taro'
import { translate, translateError, type Locale } from '@/i18n'
import { isCallError } from './errors'

/** A short message at the bottom of the screen (toast without an icon, so long text is not cut). */
export function notify(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => {})
}

/** What a failed call says to the person: the function's error code in their language, or a general error. */
export function failureText(e: unknown, locale: Locale): string {
  if (!isCallError(e)) return translate(locale, 'common.error')
  const text = translateError(locale, e.code)
  // a fault on the function's side: its reference lets the person's report be found in the log
  return e.status >= 500 && e.requestId ? `${text} (${translate(locale, 'fault.ref', { id: e.requestId })})` : text
}

/** Says a failed call in a toast. */
export function notifyFailure(e: unknown, locale: Locale): void {
  notify(failureText(e, locale))
}
