import '@/i18n/expense'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { RecurringView } from '@/api/recurring'
import ExpenseForm from '@/components/ExpenseForm'
import SignInGate from '@/components/SignInGate'
import { useT } from '@/hooks/useT'
import { api } from '@/services/api'
import { nav } from '@/services/nav'
import { notifyFailure } from '@/services/notify'

import { withPending } from '@/selectors/optimistic'
import { useGroups, useQueue } from '@/hooks/useStores'

/** The form for a new expense (`repeat`: set to repeat), an expense (`expenseId`) or a recurring series (`seriesId`). */
function ExpenseScreen({ groupId, expenseId, seriesId, repeat }: { groupId: string; expenseId?: string; seriesId?: string; repeat?: 'weekly' | 'monthly' }) {
  const { t, locale } = useT()
  const group = useGroups((s) => s.groups[groupId])
  const items = useGroups((s) => s.expenses[groupId]?.items)
  const queue = useQueue((s) => s.items)
  const existing = useMemo(
    () => (group && expenseId ? withPending(items ?? [], queue, groupId, group.currency, group.me).find((x) => x.id === expenseId) : undefined),
    // The form keeps its own copy once open; recompute only when the target changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [group?.id, expenseId]
  )
  const [series, setSeries] = useState<RecurringView | undefined>()
  useEffect(() => {
    if (!seriesId) return
    api('listRecurring', { groupId })
      .then((out) => setSeries(out.items.find((s) => s.id === seriesId)))
      .catch((e) => notifyFailure(e, locale))
  }, [groupId, seriesId, locale])
  if (!group || (expenseId && !existing) || (seriesId && !series)) {
    return (
      <View className='page'>
        <Text className='muted'>{t('common.loading')}</Text>
      </View>
    )
  }
  return <ExpenseForm group={group} existing={existing} series={series} repeat={repeat} onDone={() => void nav.back()} />
}

export default function ExpensePage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <ExpenseScreen groupId={params.groupId ?? ''} expenseId={params.expenseId || undefined} seriesId={params.seriesId || undefined} repeat={params.repeat === 'weekly' || params.repeat === 'monthly' ? params.repeat : undefined} />
    </SignInGate>
  )
}
