import { View, Text, Input, Button } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import { translate, translateError } from '@/i18n'
import { needsName } from '@/platform/login'
import { platform } from '@/platform/target'
import { isCallError } from '@/services/errors'

import FaultBoundary from '@/components/FaultBoundary'
import PrivacySheet from '@/components/PrivacySheet'
import './index.css'
import { useSession } from '@/hooks/useStores'

/**
 * Shows its children once signed in. In the mini-programs sign-in is silent (Taro.login);
 * the H5 preview asks for a display name (the local function's dev sign-in).
 */
export default function SignInGate({ children }: { children: ReactNode }) {
  const hydrated = useSession((s) => s.hydrated)
  const token = useSession((s) => s.token)
  const locale = useSession((s) => s.locale)
  const signIn = useSession((s) => s.signIn)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const go = async (n?: string) => {
    if (needsName && !(n ?? '').trim()) return setError(translateError(locale, 'NAME_REQUIRED'))
    setBusy(true)
    setError(null)
    try {
      await signIn(n?.trim())
    } catch (e) {
      setError(isCallError(e) ? translateError(locale, e.code) : translate(locale, 'signin.failed'))
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (hydrated && !token && !needsName) void go()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, token])

  if (hydrated && token) {
    return (
      <FaultBoundary>
        {children}
        <PrivacySheet />
      </FaultBoundary>
    )
  }
  return (
    <View className='signin'>
      <Text className='signin__logo'>💰</Text>
      <Text className='signin__title'>{translate(locale, 'signin.title')}</Text>
      <Text className='signin__body'>{translate(locale, 'signin.body')}</Text>
      {needsName ? (
        <View className='card signin__card'>
          <Text className='field__label'>{translate(locale, 'signin.name')}</Text>
          <Input className='field__input' value={name} placeholder={translate(locale, 'signin.namePlaceholder')} onInput={(e) => setName(String(e.detail.value))} onConfirm={() => void go(name)} data-testid='signin-name' maxlength={40} />
        </View>
      ) : null}
      {error ? <Text className='field__error'>{error}</Text> : null}
      <Button className='btn btn--primary btn--block signin__cta' loading={busy} disabled={(busy || !hydrated) || undefined} onClick={() => void go(name)} data-testid='signin-submit'>
        {needsName ? translate(locale, 'signin.submit') : translate(locale, 'signin.platform', { platform: platform.walletName[locale] })}
      </Button>
    </View>
  )
}
