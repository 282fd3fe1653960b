import '@/i18n/group-settings'
import { View, Text, Input, Button, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { GroupView } from '@/api/views'
import Avatar from '@/components/Avatar'
import CoverPicker from '@/components/CoverPicker'
import Field from '@/components/Field'
import SignInGate from '@/components/SignInGate'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { translateError } from '@/i18n'
import { api } from '@/services/api'
import { currencyCodes } from '@/services/categories'
import { isCallError } from '@/services/errors'
import { newClientId } from '@/services/ids'
import { notify } from '@/services/notify'
import './index.css'

/** A placeholder's name with its own rename button (the name a friend will claim when they join). */
function PlaceholderRow({ group, member, onDone }: { group: GroupView; member: GroupView['members'][number]; onDone: () => void }) {
  const { t, locale } = useT()
  const [name, setName] = useState(member.name)
  const rename = async () => {
    try {
      await api('renameMember', { groupId: group.id, clientId: newClientId(), memberId: member.id, name: name.trim() })
      notify(t('settings.renamed'))
      onDone()
    } catch (e) {
      notify(isCallError(e) ? translateError(locale, e.code) : t('common.error'))
    }
  }
  return (
    <View className='row settings__member' data-testid={`settings-member-${member.id}`}>
      <Avatar name={member.name} size='sm' dim />
      <Input className='field__input grow' value={name} maxlength={40} onInput={(e) => setName(String(e.detail.value))} data-testid={`settings-member-name-${member.id}`} />
      {name.trim() && name.trim() !== member.name ? (
        <Button className='btn btn--secondary btn--small' onClick={() => void rename()} data-testid={`settings-member-rename-${member.id}`}>
          {t('settings.rename')}
        </Button>
      ) : (
        <Text className='muted'>{t('settings.placeholder')}</Text>
      )}
    </View>
  )
}

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
      setError(isCallError(e) ? translateError(locale, e.code) : t('common.error'))
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
      notify(isCallError(e) ? translateError(locale, e.code) : t('common.error'))
    }
  }

  const iAmOrganizer = group.members.find((m) => m.id === group.me)?.role === 'organizer'
  const handOver = async (member: GroupView['members'][number]) => {
    const { confirm } = await Taro.showModal({ title: t('settings.makeOrganizerConfirm', { name: member.name }), content: t('settings.makeOrganizerBody') })
    if (!confirm) return
    try {
      const out = await api('handOverOrganizer', { groupId, clientId: newClientId(), memberId: member.id })
      putGroup(out.group)
      notify(t('settings.handedOver', { name: member.name }))
    } catch (e) {
      notify(isCallError(e) ? translateError(locale, e.code) : t('common.error'))
    }
  }

  return (
    <View className='page settings'>
      <View className='card'>
        <Field label={t('settings.name')} error={error} testId='settings-name'>
          <Input className='field__input' value={name} maxlength={40} onInput={(e) => edit({ name: String(e.detail.value) })} data-testid='settings-name' />
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
      <Text className='section-title'>{t('settings.members')}</Text>
      <View className='card'>
        {group.members.map((m) =>
          m.userId ? (
            <View key={m.id} className='row settings__member' data-testid={`settings-member-${m.id}`}>
              <Avatar name={m.name} src={m.avatar} size='sm' />
              <Text className='grow settings__name'>{m.name}</Text>
              {m.role === 'organizer' ? (
                <Text className='badge badge--ok'>{t('settings.organizer')}</Text>
              ) : iAmOrganizer ? (
                <Button className='btn btn--ghost btn--small' onClick={() => void handOver(m)} data-testid={`settings-organizer-${m.id}`}>
                  {t('settings.makeOrganizer')}
                </Button>
              ) : (
                <Text className='muted'>{t('settings.joined')}</Text>
              )}
            </View>
          ) : (
            <PlaceholderRow key={`${m.id}:${m.name}`} group={group} member={m} onDone={reload} />
          )
        )}
        <View className='row settings__add'>
          <Input className='field__input grow' value={friend} maxlength={40} placeholder={t('settings.addPlaceholder')} onInput={(e) => setFriend(String(e.detail.value))} onConfirm={() => void add()} data-testid='settings-add-name' />
          <Button className='btn btn--secondary btn--small' onClick={() => void add()} data-testid='settings-add'>
            {t('settings.add')}
          </Button>
        </View>
      </View>
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
