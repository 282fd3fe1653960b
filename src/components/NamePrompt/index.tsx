import { View, Text, Input, Button } from '@tarojs/components'
import { useState } from 'react'
import Avatar from '@/components/Avatar'
import AvatarPicker from '@/components/AvatarPicker'
import { useT } from '@/hooks/useT'
import { platform } from '@/platform/target'
import { api } from '@/services/api'
import { notifyFailure } from '@/services/notify'
import { newClientId } from '@/services/ids'

import './index.css'
import { useSession } from '@/hooks/useStores'

/**
 * Asks a person still called by the platform's default ("微信用户" / "支付宝用户") for the name their friends will see,
 * and offers to add their photo; in a group of ten, ten people would otherwise share that name. On WeChat the field
 * offers the WeChat nickname and the photo comes from WeChat's avatar sheet; on Alipay the photo (and the nickname,
 * filled in when the field is empty) from the person's Alipay profile once they agree. Shown on the home page and
 * before joining a group; gone once a name is saved (here or on the Me page).
 */
export default function NamePrompt() {
  const { t, locale } = useT()
  const user = useSession((s) => s.user)
  const setUser = useSession((s) => s.setUser)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  if (!user || user.nameChosen !== false) return null

  const save = async () => {
    const chosen = name.trim()
    if (!chosen) return
    setBusy(true)
    try {
      setUser((await api('setWallet', { clientId: newClientId(), name: chosen })).user)
    } catch (e) {
      notifyFailure(e, locale)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card name-prompt' data-testid='name-prompt'>
      <Text className='name-prompt__title'>{t('namePrompt.title')}</Text>
      <Text className='muted name-prompt__body'>{t('namePrompt.body', { name: user.name })}</Text>
      <View className='row name-prompt__avatar'>
        <Avatar name={name.trim() || user.name} src={user.avatar} />
        <AvatarPicker onNickname={(nickname) => setName((current) => current || nickname)} />
      </View>
      <Input
        className='name-prompt__input'
        type={platform.nameInput}
        value={name}
        maxlength={40}
        placeholder={t('namePrompt.placeholder')}
        onInput={(e) => setName(String(e.detail.value))}
        onBlur={(e) => setName(String(e.detail.value))}
        data-testid='name-prompt-input'
      />
      <Button className='btn btn--primary btn--block' loading={busy} disabled={(busy || !name.trim()) || undefined} onClick={() => void save()} data-testid='name-prompt-save'>
        {t('namePrompt.save')}
      </Button>
    </View>
  )
}
