import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import { formatMoney } from '@/domain/money/format'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { api } from '@/services/api'
import { newClientId } from '@/services/ids'
import { nav } from '@/services/nav'
import { notify, notifyFailure } from '@/services/notify'
import { useGroupChange } from './useGroupChange'

/**
 * Leave, archive or restore, delete. Each asks first and says what it does; what cannot be done yet says why
 * (what is left to settle) instead of failing.
 */
export function GroupLife({ group }: { group: GroupView }) {
  const { t, locale } = useT()
  const dropGroup = useGroups((s) => s.dropGroup)
  const loadList = useGroups((s) => s.loadList)
  const organizer = group.members.find((m) => m.id === group.me)?.role === 'organizer'
  const mine = group.balances[group.me] ?? 0
  const settled = Object.values(group.balances).every((b) => b === 0) && group.pendingPayments.length === 0
  const joinedOthers = group.members.filter((m) => m.userId && !m.left && m.id !== group.me).length
  const change = useGroupChange()

  /** Leaving or deleting: asks, makes the change, forgets the group on this phone and goes back to the list. */
  const goodbye = async (ask: { title: string; content: string }, run: () => Promise<unknown>, done: string) => {
    if (!(await Taro.showModal(ask)).confirm) return
    try {
      await run()
      dropGroup(group.id)
      notify(done)
      void loadList().catch(() => {})
      void nav.home()
    } catch (e) {
      notifyFailure(e, locale)
    }
  }

  const leave = async () => {
    if (mine !== 0) return notify(t('settings.leaveOwes', { amount: formatMoney(Math.abs(mine), group.currency, locale) }))
    await goodbye(
      { title: t('settings.leaveConfirm', { group: group.name }), content: joinedOthers === 0 ? t('settings.leaveLast') : t('settings.leaveBody') },
      () => api('leaveGroup', { groupId: group.id, clientId: newClientId() }),
      t('settings.left.done', { group: group.name })
    )
  }

  const remove = async () => {
    if (!settled) return notify(t('settings.deleteUnsettled'))
    await goodbye(
      { title: t('settings.deleteConfirm', { group: group.name }), content: t('settings.deleteBody') },
      () => api('deleteGroup', { groupId: group.id, clientId: newClientId() }),
      t('settings.deleted', { group: group.name })
    )
  }

  const archive = (archived: boolean) =>
    change({
      ask: archived ? { title: t('settings.archive'), content: `${t('settings.archiveBody')}${settled ? '' : `\n${t('settings.archiveUnsettled')}`}` } : undefined,
      run: () => api('archiveGroup', { groupId: group.id, clientId: newClientId(), archived }),
      done: archived ? t('settings.archived') : t('settings.restored')
    })

  return (
    <View className='card settings__life'>
      {organizer ? (
        <View>
          <Button className='btn btn--ghost btn--block' onClick={() => void archive(!group.archived)} data-testid={group.archived ? 'settings-restore' : 'settings-archive'}>
            {group.archived ? t('settings.restore') : t('settings.archive')}
          </Button>
          <Text className='muted settings__note'>{t('settings.archiveBody')}</Text>
          <Button className='btn btn--danger btn--block settings__gap' onClick={() => void remove()} data-testid='settings-delete'>
            {t('settings.delete')}
          </Button>
          {settled ? null : <Text className='muted settings__note'>{t('settings.deleteUnsettled')}</Text>}
        </View>
      ) : (
        <Text className='muted settings__note'>{t('settings.organizerOnly')}</Text>
      )}
      <Button className='btn btn--danger btn--block settings__gap' onClick={() => void leave()} data-testid='settings-leave'>
        {t('settings.leave')}
      </Button>
      {mine !== 0 ? <Text className='muted settings__note'>{t('settings.leaveOwes', { amount: formatMoney(Math.abs(mine), group.currency, locale) })}</Text> : null}
    </View>
  )
}
