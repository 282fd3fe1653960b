/**
 * When to ask for platform messages. The platform's panel needs a tap and must open within it, so the settings are
 * loaded ahead (`loadNotifySettings`, cached for the session) and `offerSubscription` calls the panel first thing. It
 * asks at a natural moment (after the person adds an expense), at most once a session, only for the kinds they want
 * and have not answered, or whose one-time message was used (a refusal is respected until they ask in Me).
 */
import type { MessageKind, NotifySettings } from '@/api/messages'
import { askToSubscribe } from '@/platform/subscribe'
import { api } from './api'
import { newClientId } from './ids'

/** The kinds asked first (WeChat shows at most three at a time). */
const ORDER: MessageKind[] = ['reminder', 'confirmed', 'paid', 'expense']

let cached: NotifySettings | null = null
let loading: Promise<NotifySettings | null> | null = null
let askedThisSession = false

export function loadNotifySettings(): Promise<NotifySettings | null> {
  if (cached) return Promise.resolve(cached)
  loading ??= api('getNotifySettings', {})
    .then((s) => (cached = s))
    .catch(() => null)
    .finally(() => (loading = null))
  return loading
}

export function rememberNotifySettings(settings: NotifySettings): void {
  cached = settings
}

/** The template ids worth asking for: wanted, configured, and not answered (or used up); `all` ignores past refusals. */
export function idsToAsk(settings: NotifySettings, all = false): string[] {
  return ORDER.filter((kind) => {
    const id = settings.templates[kind]
    const consent = settings.consents[kind]
    if (!id || settings.prefs[kind] === false) return false
    if (all) return true
    return !consent || consent.state === 'used' || (consent.state === 'accept' && consent.credits === 0)
  })
    .slice(0, 3)
    .map((kind) => settings.templates[kind]!)
}

/** Opens the platform's panel (call it first thing in a tap handler) and records the answers. */
export async function askAndRecord(ids: string[]): Promise<NotifySettings | null> {
  if (ids.length === 0) return null
  const answers = await askToSubscribe(ids)
  if (!answers || Object.keys(answers).length === 0) return null
  const settings = await api('recordConsent', { clientId: newClientId(), results: answers })
  cached = settings
  return settings
}

/** After an expense is added: ask once a session, for what is worth asking. */
export function offerSubscription(): void {
  if (askedThisSession || !cached) return
  const ids = idsToAsk(cached)
  if (ids.length === 0) return
  askedThisSession = true
  void askAndRecord(ids).catch(() => {})
}

/** Forgets the session's settings (sign-out). */
export function resetNotifySettings(): void {
  cached = null
  askedThisSession = false
}
