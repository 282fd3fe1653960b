import { useCallback } from 'react'
import { translate, type MessageKey } from '@/i18n'
import { useLocale } from '@/hooks/useStores'

/** `t(key, params)` in the current locale; re-renders only when the locale changes. */
export function useT() {
  const locale = useLocale()
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale])
  return { t, locale }
}
