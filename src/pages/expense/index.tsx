import '@/i18n/expense'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'
import ExpenseForm from '@/components/ExpenseForm'
import SignInGate from '@/components/SignInGate'
import { useT } from '@/hooks/useT'
import { nav } from '@/services/nav'

import { withPending } from '@/selectors/optimistic'
import { useGroups, useQueue } from '@/hooks/useStores'

function ExpenseScreen({ groupId, expenseId }: { groupId: string; expenseId?: string }) {
  const { t } = useT()
  const group = useGroups((s) => s.groups[groupId])
  const items = useGroups((s) => s.expenses[groupId]?.items)
  const queue = useQueue((s) => s.items)
  const existing = useMemo(
    () => (group && expenseId ? withPending(items ?? [], queue, groupId, group.currency, group.me).find((x) => x.id === expenseId) : undefined),
    // The form keeps its own copy once open; recompute only when the target changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [group?.id, expenseId]
  )
  if (!group || (expenseId && !existing)) {
    return (
      <View className='page'>
        <Text className='muted'>{t('common.loading')}</Text>
      </View>
    )
  }
  return <ExpenseForm group={group} existing={existing} onDone={() => void nav.back()} />
}

export default function ExpensePage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <ExpenseScreen groupId={params.groupId ?? ''} expenseId={params.expenseId || undefined} />
    </SignInGate>
  )
}
