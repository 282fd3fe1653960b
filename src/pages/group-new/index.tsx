import '@/i18n/group-new'
import { View, Text, Input, Button, Picker } from '@tarojs/components'
import { useState } from 'react'
import CoverPicker from '@/components/CoverPicker'
import Field from '@/components/Field'
import SignInGate from '@/components/SignInGate'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { api } from '@/services/api'
import { coverEmojis, currencyCodes } from '@/services/categories'
import { nav } from '@/services/nav'

import { newClientId } from '@/services/ids'
import { named } from '@/components/accessible-name'
import './index.css'
import { ImportCard } from './ImportCard'
import { useGroups } from '@/hooks/useStores'
import { failureText } from '@/services/notify'

function NewGroupForm() {
  const { t, locale } = useT()
  useTitle(t('groupNew.title'))
  const putGroup = useGroups((s) => s.putGroup)
  const [name, setName] = useState('')
  const [currency, setCurrency] = useState<string>('CNY')
  const [emoji, setEmoji] = useState(coverEmojis[0])
  const [friend, setFriend] = useState('')
  const [friends, setFriends] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One client id for this form: pressing "create" twice (or a retry) makes one group.
  const [clientId] = useState(newClientId)

  const addFriend = () => {
    const n = friend.trim()
    if (n && !friends.includes(n)) setFriends([...friends, n])
    setFriend('')
  }

  const submit = async () => {
    if (!name.trim()) return setError(t('groupNew.nameRequired'))
    setBusy(true)
    setError(null)
    try {
      const pending = friend.trim() && !friends.includes(friend.trim()) ? [...friends, friend.trim()] : friends
      const { group } = await api('createGroup', { clientId, name: name.trim(), currency, emoji, placeholders: pending })
      putGroup(group)
      void nav.replaceWithGroup(group.id)
    } catch (e) {
      setError(failureText(e, locale))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        <Field label={t('groupNew.name')} error={error} testId='group-name'>
          <Input className='field__input' value={name} maxlength={40} placeholder={t('groupNew.namePlaceholder')} onInput={(e) => setName(String(e.detail.value))} data-testid='group-name' />
        </Field>
        <Field label={t('groupNew.cover')}>
          <CoverPicker value={emoji} onChange={setEmoji} />
        </Field>
        <Field label={t('groupNew.currency')}>
          <Picker mode='selector' range={[...currencyCodes]} value={currencyCodes.indexOf(currency)} onChange={(e) => setCurrency(currencyCodes[Number(e.detail.value)])} data-testid='group-currency'>
            <Text className='field__input picker-value'>{currency} ›</Text>
          </Picker>
        </Field>
      </View>
      <Text className='section-title'>{t('groupNew.members')}</Text>
      <View className='card'>
        <Text className='muted' style={{ display: 'block', marginBottom: '16px' }}>{t('groupNew.membersHint')}</Text>
        <View className='chips'>
          {friends.map((f) => (
            <View key={f} className='chip chip--on' onClick={() => setFriends(friends.filter((x) => x !== f))} {...named(t('groupNew.removeFriend', { name: f }), 'button')}>
              <Text>{f} ✕</Text>
            </View>
          ))}
        </View>
        <View className='row'>
          <Input className='field__input grow' value={friend} maxlength={40} placeholder={t('groupNew.memberPlaceholder')} onInput={(e) => setFriend(String(e.detail.value))} onConfirm={addFriend} data-testid='friend-name' />
          <Button className='btn btn--secondary btn--small' onClick={addFriend} data-testid='friend-add'>
            {t('groupNew.addMember')}
          </Button>
        </View>
      </View>
      <ImportCard name={name} />
      <View className='fab-bar'>
        <Button className='btn btn--primary' loading={busy} disabled={(busy) || undefined} onClick={() => void submit()} data-testid='group-submit'>
          {t('groupNew.submit')}
        </Button>
      </View>
    </View>
  )
}

export default function GroupNewPage() {
  return (
    <SignInGate>
      <NewGroupForm />
    </SignInGate>
  )
}
