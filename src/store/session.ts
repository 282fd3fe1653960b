import { resetNotifySettings } from '@/services/subscribe'
import { createStore } from 'zustand/vanilla'
import { persist } from 'zustand/middleware'
import type { UserView } from '@/api/views'
import type { Locale } from '@/i18n'
import { getCredentials, needsName } from '@/platform/login'
import { api } from '@/services/api'
import type { ActionInput } from '@/api'
import { taroJSONStorage } from './storage'

/** Chinese by default; English when the person picks it on the Me page (kept on this device and in the profile). */
const defaultLocale: Locale = 'zh-CN'

export interface SessionState {
  token: string | null
  user: UserView | null
  locale: Locale
  /** The name used for the dev sign-in, kept so an expired session renews without asking again. */
  devName: string | null
  hydrated: boolean
  /** My collection QR as this session last uploaded or read it (not kept on the device: it can be large). */
  myQr: { userId: string; image: string | null } | null
  /** When this device agreed to the privacy guide (ISO time), or null: not yet (or declined). */
  privacyConsent: string | null
  signIn: (name?: string) => Promise<void>
  /** Signs in again with what we know (after a 401); false when the person must type a name. */
  renew: () => Promise<boolean>
  setLocale: (locale: Locale) => void
  setUser: (user: UserView) => void
  signOut: () => void
  rememberQr: (userId: string, image: string | null) => void
  setPrivacyConsent: (at: string | null) => void
}

export const sessionStore = createStore<SessionState>()(
  persist(
    (set, get) => ({
      token: null,
      user: null,
      locale: defaultLocale,
      devName: null,
      hydrated: false,
      myQr: null,
      privacyConsent: null,
      async signIn(name) {
        const credentials = await getCredentials(name)
        const out = await api('signIn', credentials as ActionInput<'signIn'>)
        set({ token: out.token, user: out.user, devName: needsName ? (name ?? null) : null })
      },
      async renew() {
        if (needsName && !get().devName) return false
        try {
          await get().signIn(get().devName ?? undefined)
          return true
        } catch {
          return false
        }
      },
      setLocale(locale) {
        set({ locale })
      },
      setUser(user) {
        set({ user })
      },
      signOut() {
        resetNotifySettings()
        set({ token: null, user: null, myQr: null })
      },
      rememberQr(userId, image) {
        set({ myQr: { userId, image } })
      },
      setPrivacyConsent(at) {
        set({ privacyConsent: at })
      }
    }),
    {
      name: 'splitpay.session',
      storage: taroJSONStorage,
      partialize: (s) => ({ token: s.token, user: s.user, locale: s.locale, devName: s.devName, privacyConsent: s.privacyConsent }) as SessionState,
      onRehydrateStorage: () => () => sessionStore.setState({ hydrated: true })
    }
  )
)

