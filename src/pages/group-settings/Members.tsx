import { View, Text, Input, Button } from '@tarojs/components'
import { useState } from 'react'
import type { GroupView, MemberView } from '@/api/views'
import Avatar from '@/components/Avatar'
import { formatMoney } from '@/domain/money/format'
import { useT } from '@/hooks/useT'
import { api } from '@/services/api'
import { newClientId } from '@/services/ids'
import { notify, notifyFailure } from '@/services/notify'
import { useGroupChange } from './useGroupChange'
import { accessibleName } from '@/components/accessible-name'

type Member = GroupView['members'][number]

/**
 * "Remove" beside a member: asks first; a member with a balance is told what is left to settle instead (the
 * function refuses it too, MEMBER_HAS_BALANCE).
 */
function RemoveButton({ group, member }: { group: GroupView; member: Member }) {
  const { t, locale } = useT()
  const change = useGroupChange()
  const remove = async () => {
    const balance = group.balances[member.id] ?? 0
    if (balance !== 0) return notify(t('settings.memberOwes', { name: member.name, amount: formatMoney(Math.abs(balance), group.currency, locale) }))
    await change({
      ask: { title: t('settings.removeConfirm', { name: member.name }), content: t('settings.removeBody') },
      run: () => api('removeMember', { groupId: group.id, clientId: newClientId(), memberId: member.id }),
      done: t('settings.removed', { name: member.name })
    })
  }
  return (
    <Button className='btn btn--danger btn--small' onClick={() => void remove()} data-testid={`settings-remove-${member.id}`}>
      {t('settings.remove')}
    </Button>
  )
}

/** A placeholder's name with its own rename button (the name a friend will claim when they join). */
function PlaceholderRow({ group, member, readOnly, onDone }: { group: GroupView; member: Member; readOnly: boolean; onDone: () => void }) {
  const { t, locale } = useT()
  const [name, setName] = useState(member.name)
  const rename = async () => {
    try {
      await api('renameMember', { groupId: group.id, clientId: newClientId(), memberId: member.id, name: name.trim() })
      notify(t('settings.renamed'))
      onDone()
    } catch (e) {
      notifyFailure(e, locale)
    }
  }
  const changed = name.trim() !== '' && name.trim() !== member.name
  return (
    <View className='row settings__member' data-testid={`settings-member-${member.id}`}>
      <Avatar name={member.name} size='sm' dim />
      <Input className='field__input grow' value={name} maxlength={40} disabled={readOnly} onInput={(e) => setName(String(e.detail.value))} data-testid={`settings-member-name-${member.id}`} {...accessibleName(`${t('settings.rename')} ${member.name}`)} />
      {changed ? (
        <Button className='btn btn--secondary btn--small' onClick={() => void rename()} data-testid={`settings-member-rename-${member.id}`}>
          {t('settings.rename')}
        </Button>
      ) : readOnly ? (
        <Text className='muted'>{t('settings.placeholder')}</Text>
      ) : (
        <RemoveButton group={group} member={member} />
      )}
    </View>
  )
}

/** Someone who joined: the organizer badge, "make organizer" and "remove" for the organizer. */
function JoinedRow({ group, member, iAmOrganizer, readOnly }: { group: GroupView; member: Member; iAmOrganizer: boolean; readOnly: boolean }) {
  const { t } = useT()
  const change = useGroupChange()
  const handOver = () =>
    change({
      ask: { title: t('settings.makeOrganizerConfirm', { name: member.name }), content: t('settings.makeOrganizerBody') },
      run: () => api('handOverOrganizer', { groupId: group.id, clientId: newClientId(), memberId: member.id }),
      done: t('settings.handedOver', { name: member.name })
    })
  const mayAct = iAmOrganizer && !readOnly && member.id !== group.me
  return (
    <View className='row settings__member' data-testid={`settings-member-${member.id}`}>
      <Avatar name={member.name} src={member.avatar} size='sm' />
      <Text className='grow settings__name'>{member.name}</Text>
      {member.role === 'organizer' ? <Text className='badge badge--ok'>{t('settings.organizer')}</Text> : null}
      {mayAct && member.role !== 'organizer' ? (
        <View className='row settings__actions'>
          <Button className='btn btn--ghost btn--small' onClick={() => void handOver()} data-testid={`settings-organizer-${member.id}`}>
            {t('settings.makeOrganizer')}
          </Button>
          <RemoveButton group={group} member={member} />
        </View>
      ) : member.role !== 'organizer' ? (
        <Text className='muted'>{t('settings.joined')}</Text>
      ) : null}
    </View>
  )
}

/** The members now, then those who left (greyed: they stay in the history, not in anything new). */
export function MemberList({ group, readOnly, onChanged }: { group: GroupView; readOnly: boolean; onChanged: () => void }) {
  const { t } = useT()
  const iAmOrganizer = group.members.find((m) => m.id === group.me)?.role === 'organizer'
  const present = group.members.filter((m) => !m.left)
  const left = group.members.filter((m: MemberView) => m.left)
  return (
    <View>
      {present.map((m) =>
        m.userId ? (
          <JoinedRow key={m.id} group={group} member={m} iAmOrganizer={iAmOrganizer} readOnly={readOnly} />
        ) : (
          <PlaceholderRow key={`${m.id}:${m.name}`} group={group} member={m} readOnly={readOnly} onDone={onChanged} />
        )
      )}
      {left.length > 0 ? (
        <View className='settings__left' data-testid='settings-left'>
          <Text className='muted settings__note'>{t('settings.leftMembers')}</Text>
          {left.map((m) => (
            <View key={m.id} className='row settings__member settings__member--left' data-testid={`settings-left-${m.id}`}>
              <Avatar name={m.name} src={m.avatar} size='sm' dim />
              <Text className='grow settings__name'>{m.name}</Text>
              <Text className='badge badge--muted'>{t('settings.left')}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
