import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import { formatMoney } from '@/domain/money/format'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { translateError } from '@/i18n'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { newClientId } from '@/services/ids'
import { nav } from '@/services/nav'
import { notify } from '@/services/notify'

/**
 * Leave, archive or restore, delete. Each asks first and says what it does; what cannot be done yet says why
 * (what is left to settle) instead of failing.
 */
export function GroupLife({ group }: { group: GroupView }) {
  const { t, locale } = useT()
  const putGroup = useGroups((s) => s.putGroup)
  const dropGroup = useGroups((s) => s.dropGroup)
  const loadList = useGroups((s) => s.loadList)
  const organizer = group.members.find((m) => m.id === group.me)?.role === 'organizer'
  const mine = group.balances[group.me] ?? 0
  const settled = Object.values(group.balances).every((b) => b === 0) && group.pendingPayments.length === 0
  const joinedOthers = group.members.filter((m) => m.userId && !m.left && m.id !== group.me).length
  const fail = (e: unknown) => notify(isCallError(e) ? translateError(locale, e.code) : t('common.error'))
  const ask = async (title: string, content: string) => (await Taro.showModal({ title, content })).confirm

  const leave = async () => {
    if (mine !== 0) return notify(t('settings.leaveOwes', { amount: formatMoney(Math.abs(mine), group.currency, locale) }))
    const body = joinedOthers === 0 ? t('settings.leaveLast') : t('settings.leaveBody')
    if (!(await ask(t('settings.leaveConfirm', { group: group.name }), body))) return
    try {
      await api('leaveGroup', { groupId: group.id, clientId: newClientId() })
      dropGroup(group.id)
      notify(t('settings.left.done', { group: group.name }))
      void loadList().catch(() => {})
      void nav.home()
    } catch (e) {
      fail(e)
    }
  }

  const archive = async (archived: boolean) => {
    if (archived && !(await ask(t('settings.archive'), `${t('settings.archiveBody')}${settled ? '' : `\n${t('settings.archiveUnsettled')}`}`))) return
    try {
      putGroup((await api('archiveGroup', { groupId: group.id, clientId: newClientId(), archived })).group)
      notify(archived ? t('settings.archived') : t('settings.restored'))
    } catch (e) {
      fail(e)
    }
  }

  const remove = async () => {
    if (!settled) return notify(t('settings.deleteUnsettled'))
    if (!(await ask(t('settings.deleteConfirm', { group: group.name }), t('settings.deleteBody')))) return
    try {
      await api('deleteGroup', { groupId: group.id, clientId: newClientId() })
      dropGroup(group.id)
      notify(t('settings.deleted', { group: group.name }))
      void nav.home()
    } catch (e) {
      fail(e)
    }
  }

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
