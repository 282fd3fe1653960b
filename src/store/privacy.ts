/**
 * Consent to the privacy guide before the app uses a privacy API (an album photo, the clipboard, the avatar), asked
 * where the person acts (the page or component that calls the API wraps the call in `withConsent`).
 * WeChat raises the need itself (onNeedPrivacyAuthorization) and holds the API call until the sheet is answered;
 * on Alipay and H5 the app asks before the first use and remembers the answer on the device. Either way the same
 * sheet (components/PrivacySheet, on every signed-in page) asks, and a decline leaves the rest of the app usable.
 */
import { createStore } from 'zustand/vanilla'
import { isPrivacyRefusal, listenForConsent, platformAsks } from '@/platform/privacy'
import { sessionStore } from './session'

export const privacyAsk = createStore<{ asking: boolean }>()(() => ({ asking: false }))

let waiting: ((agreed: boolean) => void)[] = []

/** Shows the consent sheet; resolves with the person's answer. */
export function askConsent(): Promise<boolean> {
  privacyAsk.setState({ asking: true })
  return new Promise((resolve) => waiting.push(resolve))
}

/** The sheet's answer: every request waiting for it gets it. */
export function answerConsent(agreed: boolean, now = new Date()): void {
  if (agreed) sessionStore.getState().setPrivacyConsent(now.toISOString())
  const answered = waiting
  waiting = []
  privacyAsk.setState({ asking: false })
  for (const resolve of answered) resolve(agreed)
}

/** Called once at launch: the platform's request for consent opens the app's sheet. */
export function watchPrivacy(): void {
  listenForConsent(askConsent)
}

/**
 * Runs `run` (which calls a privacy API) once the person has agreed; null when they decline, here or in the
 * platform's flow, so the caller treats it like a cancel.
 */
export async function withConsent<T>(run: () => Promise<T>): Promise<T | null> {
  if (!platformAsks && !sessionStore.getState().privacyConsent && !(await askConsent())) return null
  try {
    return await run()
  } catch (e) {
    if (isPrivacyRefusal(e)) return null
    throw e
  }
}
