import '@/i18n/group-settings'
import { View, Text, Input, Button, Picker } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { GroupView } from '@/api/views'
import CoverPicker from '@/components/CoverPicker'
import Field from '@/components/Field'
import SignInGate from '@/components/SignInGate'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { api } from '@/services/api'
import { currencyCodes } from '@/services/categories'
import { isCallError } from '@/services/errors'
import { newClientId } from '@/services/ids'
import { notify, failureText, notifyFailure } from '@/services/notify'
import { GroupLife } from './GroupLife'
import { MemberList } from './Members'
import './index.css'
import { accessibleName } from '@/components/accessible-name'

function SettingsScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  useTitle(t('settings.title'))
  const group = useGroups((s) => s.groups[groupId])
  const loadGroup = useGroups((s) => s.loadGroup)
  const putGroup = useGroups((s) => s.putGroup)
  // What the person changed; the rest shows the group as last loaded (a reload never overwrites what they typed)
  const [draft, setDraft] = useState<Partial<Pick<GroupView, 'name' | 'emoji' | 'currency'>>>({})
  const [friend, setFriend] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    loadGroup(groupId).catch(() => {})
  }, [groupId, loadGroup])

  if (!group) return <View className='page'><Text className='muted'>{t('common.loading')}</Text></View>
  const { name, emoji, currency } = { name: group.name, emoji: group.emoji, currency: group.currency, ...draft }
  const edit = (change: typeof draft) => setDraft({ ...draft, ...change })
  // amounts are kept in the group currency: once anything is recorded it stays (the function says so too)
  const currencyLocked = group.expenseCount > 0
  // an archived group is read-only until its organizer restores it (the function says GROUP_ARCHIVED too)
  const readOnly = Boolean(group.archived)
  const reload = () => void loadGroup(groupId).catch(() => {})

  const save = async () => {
    if (!name.trim()) return setError(t('settings.nameRequired'))
    setError(null)
    setBusy(true)
    try {
      const out = await api('updateGroup', {
        groupId,
        clientId: newClientId(),
        expectedVersion: group.version,
        name: name.trim(),
        emoji,
        ...(currency !== group.currency ? { currency } : {})
      })
      putGroup(out.group)
      setDraft({})
      notify(t('settings.saved'))
    } catch (e) {
      setError(failureText(e, locale))
      if (isCallError(e) && e.code === 'VERSION_CONFLICT') reload()
    } finally {
      setBusy(false)
    }
  }

  const add = async () => {
    const n = friend.trim()
    if (!n) return
    try {
      await api('addMember', { groupId, clientId: newClientId(), name: n })
      setFriend('')
      notify(t('settings.added', { name: n }))
      reload()
    } catch (e) {
      notifyFailure(e, locale)
    }
  }

  return (
    <View className='page settings'>
      {readOnly ? (
        <View className='card card--warn' data-testid='settings-read-only'>
          <Text>{t('settings.readOnly')}</Text>
        </View>
      ) : null}
      {readOnly ? (
        <View className='card' data-testid='settings-summary'>
          <Field label={t('settings.name')}>
            <Text className='field__input picker-value'>
              {group.emoji} {group.name}
            </Text>
          </Field>
          <Field label={t('settings.currency')}>
            <Text className='field__input picker-value'>{group.currency}</Text>
          </Field>
        </View>
      ) : (
        <View className='card'>
          <Field label={t('settings.name')} error={error} testId='settings-name'>
            <Input className='field__input' value={name} maxlength={40} onInput={(e) => edit({ name: String(e.detail.value) })} data-testid='settings-name' {...accessibleName(t('settings.name'))} />
          </Field>
          <Field label={t('settings.cover')}>
            <CoverPicker value={emoji} onChange={(c) => edit({ emoji: c })} />
          </Field>
          <Field label={t('settings.currency')}>
            {currencyLocked ? (
              <View>
                <Text className='field__input picker-value' data-testid='settings-currency'>{group.currency}</Text>
                <Text className='muted settings__note'>{t('settings.currencyLocked')}</Text>
              </View>
            ) : (
              <Picker mode='selector' range={[...currencyCodes]} value={currencyCodes.indexOf(currency)} onChange={(e) => edit({ currency: currencyCodes[Number(e.detail.value)] })} data-testid='settings-currency'>
                <Text className='field__input picker-value'>{currency} ›</Text>
              </Picker>
            )}
          </Field>
          <Button className='btn btn--primary btn--block' loading={busy} disabled={busy || undefined} onClick={() => void save()} data-testid='settings-save'>
            {t('settings.save')}
          </Button>
        </View>
      )}
      <Text className='section-title'>{t('settings.members')}</Text>
      <View className='card'>
        <MemberList group={group} readOnly={readOnly} onChanged={reload} />
        {readOnly ? null : (
          <View className='row settings__add'>
            <Input className='field__input grow' value={friend} maxlength={40} placeholder={t('settings.addPlaceholder')} onInput={(e) => setFriend(String(e.detail.value))} onConfirm={() => void add()} data-testid='settings-add-name' />
            <Button className='btn btn--secondary btn--small' onClick={() => void add()} data-testid='settings-add'>
              {t('settings.add')}
            </Button>
          </View>
        )}
      </View>
      <Text className='section-title'>{t('settings.group')}</Text>
      <GroupLife group={group} />
    </View>
  )
}

export default function GroupSettingsPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <SettingsScreen groupId={params.groupId ?? ''} />
    </SignInGate>
  )
}
