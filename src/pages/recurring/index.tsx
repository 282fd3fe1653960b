import '@/i18n/recurring'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { RecurringView } from '@/api/recurring'
import EmptyState from '@/components/EmptyState'
import Money from '@/components/Money'
import SignInGate from '@/components/SignInGate'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { formatListDate } from '@/i18n/dates'
import { api } from '@/services/api'
import { categoryIcon } from '@/services/categories'
import { newClientId } from '@/services/ids'
import { nav } from '@/services/nav'
import { notify, notifyFailure } from '@/services/notify'
import { describeRule } from '@/selectors/recurring'
import './index.css'

/** A group's recurring expenses: what each repeats, when next, how many were added; edit or stop each. */
function RecurringScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  useTitle(t('recurring.title'))
  const group = useGroups((s) => s.groups[groupId])
  const loadGroup = useGroups((s) => s.loadGroup)
  const [items, setItems] = useState<RecurringView[] | null>(null)

  const load = useCallback(async () => {
    try {
      setItems((await api('listRecurring', { groupId })).items)
    } catch (e) {
      notifyFailure(e, locale)
    }
  }, [groupId, locale])
  // again after an edit or a new series
  useDidShow(() => void load())

  const stop = async (s: RecurringView) => {
    const ask = await Taro.showModal({ title: s.description, content: t('recurring.stopConfirm') })
    if (!ask.confirm) return
    try {
      await api('stopRecurring', { groupId, clientId: newClientId(), seriesId: s.id })
      notify(t('recurring.stopped'))
      void loadGroup(groupId).catch(() => {})
      await load()
    } catch (e) {
      notifyFailure(e, locale)
    }
  }

  const now = Date.now()
  const currency = group?.currency ?? 'CNY'
  return (
    <View className='page recurring'>
      {items === null ? <Text className='muted'>{t('common.loading')}</Text> : null}
      {items && items.length === 0 ? <EmptyState icon='🔁' title={t('recurring.empty')} body={t('recurring.emptyBody')} /> : null}
      {items?.map((s) => (
        <View key={s.id} className='card recurring__item' data-testid='series'>
          <View className='row'>
            <Text className='recurring__icon'>{categoryIcon(s.category)}</Text>
            <View className='grow'>
              <Text className='recurring__name'>{s.description}</Text>
              <Text className='muted recurring__rule'>
                {describeRule(s.rule, s.startDate, locale)}
                {s.endDate ? ` · ${t('recurring.until', { date: s.endDate })}` : ''}
              </Text>
            </View>
            <Money amount={s.expense.amount} currency={s.expense.currency ?? currency} locale={locale} className='recurring__amount' />
          </View>
          <View className='row row--between recurring__foot'>
            <Text className='muted'>
              {s.nextDate ? t('recurring.next', { date: formatListDate(s.nextDate, locale, now) }) : t('recurring.ended')} · {t('recurring.made', { count: s.createdCount })}
            </Text>
            {group?.archived ? null : (
              <View className='row'>
                <Button className='btn btn--small btn--ghost' onClick={() => void nav.series(groupId, s.id)}>
                  {t('common.edit')}
                </Button>
                <Button className='btn btn--small btn--danger recurring__stop' onClick={() => void stop(s)}>
                  {t('recurring.stop')}
                </Button>
              </View>
            )}
          </View>
        </View>
      ))}
      {group?.archived ? null : (
        <View className='fab-bar'>
          <Button className='btn btn--primary' onClick={() => void nav.newRecurring(groupId)} data-testid='recurring-add'>
            ＋ {t('recurring.add')}
          </Button>
        </View>
      )}
    </View>
  )
}

export default function RecurringPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <RecurringScreen groupId={params.groupId ?? ''} />
    </SignInGate>
  )
}
