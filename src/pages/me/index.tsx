import '@/i18n/me'
import { View, Text, Input, Button, Image } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useMyQr } from '@/hooks/useMyQr'
import Avatar from '@/components/Avatar'
import AvatarPicker from '@/components/AvatarPicker'
import Field from '@/components/Field'
import Segmented from '@/components/Segmented'
import SignInGate from '@/components/SignInGate'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { localeNames, locales, type Locale } from '@/i18n'
import { chooseImageDataUrl } from '@/platform/image'
import { withConsent } from '@/store/privacy'
import { api } from '@/services/api'
import { notify, notifyFailure } from '@/services/notify'
import { newClientId } from '@/services/ids'

import { Account } from './Account'
import { Notifications } from './Notifications'
import './index.css'
import { useSession } from '@/hooks/useStores'
import { accessibleName } from '@/components/accessible-name'

type Wallet = 'wechat' | 'alipay' | 'cash'

function MeScreen() {
  const { t, locale } = useT()
  useTitle(t('me.title'))
  const user = useSession((s) => s.user)
  const setUser = useSession((s) => s.setUser)
  const setLocale = useSession((s) => s.setLocale)
  const [name, setName] = useState(user?.name ?? '')
  const [qr, setQr] = useMyQr()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api('getMe', {})
      .then((out) => {
        setUser(out.user)
        setName(out.user.name)
      })
      .catch(() => {})
  }, [setUser])

  const update = async (patch: { name?: string; wallet?: Wallet; qrImage?: string | null; locale?: Locale }, quiet = false) => {
    setBusy(true)
    try {
      const out = await api('setWallet', { clientId: newClientId(), ...patch })
      setUser(out.user)
      if (!quiet) notify(t('me.saved'))
      return true
    } catch (e) {
      notifyFailure(e, locale)
      return false
    } finally {
      setBusy(false)
    }
  }

  const uploadQr = async () => {
    try {
      const dataUrl = await withConsent(chooseImageDataUrl)
      if (!dataUrl) return
      setQr(dataUrl)
      await update({ qrImage: dataUrl })
    } catch {
      // cancelled
    }
  }

  const removeQr = async () => {
    const ok = await update({ qrImage: null })
    if (!ok) return
    setQr(null)
  }

  const changeLocale = (next: Locale) => {
    setLocale(next)
    void update({ locale: next }, true)
  }

  return (
    <View className='page me'>
      <View className='card me__head'>
        <Avatar name={user?.name ?? '?'} src={user?.avatar} size='lg' />
        <Text className='me__name'>{user?.name}</Text>
        <AvatarPicker />
      </View>
      <View className='card'>
        <Field label={t('me.name')}>
          <View className='row'>
            <Input className='field__input grow' value={name} maxlength={40} onInput={(e) => setName(String(e.detail.value))} data-testid='me-name' {...accessibleName(t('me.name'))} />
            <Button className='btn btn--secondary btn--small' disabled={(busy || !name.trim() || name.trim() === user?.name) || undefined} onClick={() => void update({ name: name.trim() })} data-testid='me-name-save'>
              {t('common.save')}
            </Button>
          </View>
        </Field>
        <Field label={t('me.wallet')}>
          <Segmented testId='me-wallet' label={t('me.wallet')} value={(user?.wallet ?? 'cash') as Wallet} onChange={(w) => void update({ wallet: w })} options={(['wechat', 'alipay', 'cash'] as Wallet[]).map((w) => ({ value: w, label: t(`wallet.${w}`) }))} />
        </Field>
        <Field label={t('me.qr')}>
          <Text className='muted' style={{ display: 'block', marginBottom: '16px' }}>{t('me.qrHint')}</Text>
          {qr ? <Image className='me__qr' src={qr} mode='aspectFit' /> : user?.hasQr ? <Text className='me__qr-note' data-testid='me-qr-saved'>{t('me.qrSaved')}</Text> : null}
          <View className='row me__qr-actions'>
            <Button className='btn btn--ghost btn--small' disabled={(busy) || undefined} onClick={() => void uploadQr()} data-testid='me-qr'>
              {user?.hasQr || qr ? t('me.qrReplace') : t('me.qrUpload')}
            </Button>
            {user?.hasQr || qr ? (
              <Button className='btn btn--ghost btn--small' disabled={(busy) || undefined} onClick={() => void removeQr()} data-testid='me-qr-remove'>
                {t('me.qrRemove')}
              </Button>
            ) : null}
          </View>
        </Field>
        <Field label={t('me.language')}>
          <Segmented testId='me-locale' label={t('me.language')} value={locale} onChange={changeLocale} options={locales.map((l) => ({ value: l, label: localeNames[l] }))} />
        </Field>
      </View>
      <Notifications />
      <Account />
    </View>
  )
}

export default function MePage() {
  return (
    <SignInGate>
      <MeScreen />
    </SignInGate>
  )
}
