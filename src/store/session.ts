import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { UserView } from '@/api/views'
import type { Locale } from '@/i18n'
import { getCredentials, needsName } from '@/platform/login'
import { api, setTokenSource } from '@/services/api'
import type { ActionInput } from '@/api'
import { taroJSONStorage } from './storage'

/** Chinese by default; English when the person picks it on the Me page (kept on this device and in the profile). */
const defaultLocale: Locale = 'zh-CN'

interface SessionState {
  token: string | null
  user: UserView | null
  locale: Locale
  /** The name used for the dev sign-in, kept so an expired session renews without asking again. */
  devName: string | null
  hydrated: boolean
  signIn: (name?: string) => Promise<void>
  /** Signs in again with what we know (after a 401); false when the person must type a name. */
  renew: () => Promise<boolean>
  setLocale: (locale: Locale) => void
  setUser: (user: UserView) => void
  signOut: () => void
}

export const useSession = create<SessionState>()(
  persist(
    (set, get) => ({
      token: null,
      user: null,
      locale: defaultLocale,
      devName: null,
      hydrated: false,
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
        set({ token: null, user: null })
      }
    }),
    {
      name: 'splitpay.session',
      storage: taroJSONStorage,
      partialize: (s) => ({ token: s.token, user: s.user, locale: s.locale, devName: s.devName }) as SessionState,
      onRehydrateStorage: () => () => useSession.setState({ hydrated: true })
    }
  )
)

setTokenSource(() => useSession.getState().token)

/** The current locale; components re-render only when it changes. */
export const useLocale = () => useSession((s) => s.locale)
