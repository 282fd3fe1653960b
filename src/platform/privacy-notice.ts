import type { AgreeButton } from './privacy-types'

/**
 * Where the platform has no consent flow of its own for the APIs the app uses (Alipay authorizes per scope when an API
 * runs; the browser asks for nothing), the app shows its first-use notice before the first one and keeps the answer.
 */
export const platformAsks = false
export const agreeButton: AgreeButton = {}

export function listenForConsent(_ask: () => Promise<boolean>): void {}

export function isPrivacyRefusal(_error: unknown): boolean {
  return false
}
