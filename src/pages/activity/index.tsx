import '@/i18n/activity'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ActivityView } from '@/api/views'
import Avatar from '@/components/Avatar'
import EmptyState from '@/components/EmptyState'
import SignInGate from '@/components/SignInGate'
import { formatMoney } from '@/domain/money/format'
import { useT } from '@/hooks/useT'
import { memberLookup } from '@/selectors/names'
import { useTitle } from '@/hooks/useTitle'
import { translate, type Locale } from '@/i18n'
import { formatListDate } from '@/i18n/dates'
import { api } from '@/services/api'
import { expenseChanges, type ExpenseSide } from '@/selectors/expense-changes'
import { useGroups } from '@/hooks/useStores'
import './index.css'

/** One sentence for an activity item: who added, edited, deleted or paid what. */
/** What a settings change changed, e.g. "周末露营 → 周末徒步, 💰 → 🏕️" (group.update's { before, after }). */
function changes(data: Record<string, unknown>): string {
  const before = (data.before ?? {}) as Record<string, unknown>
  const after = (data.after ?? {}) as Record<string, unknown>
  return Object.keys(after)
    .map((key) => `${String(before[key] ?? '')} → ${String(after[key] ?? '')}`)
    .join(', ')
}

export function describeActivity(a: ActivityView, locale: Locale, currency: string): string {
  const d = a.data as { description?: string; name?: string; amount?: number; after?: { description?: string; name?: string }; before?: { description?: string; name?: string } }
  const actor = a.actor.name
  const what = d.description ?? d.after?.description ?? d.before?.description ?? ''
  const amount = typeof d.amount === 'number' ? formatMoney(d.amount, currency, locale) : ''
  switch (a.kind) {
    case 'expense.add':
      return translate(locale, 'activity.add', { actor, what, amount })
    case 'expense.edit':
      return translate(locale, 'activity.edit', { actor, what })
    case 'expense.delete':
      return translate(locale, 'activity.delete', { actor, what })
    case 'payment.record':
      return translate(locale, 'activity.pay', { actor, amount })
    case 'payment.paid':
      return translate(locale, 'activity.paymentPaid', { actor, amount })
    case 'payment.order':
      return translate(locale, 'activity.paymentOrder', { actor, amount })
    case 'payout.update':
      return translate(locale, 'activity.payout', { actor })
    case 'group.create':
      return translate(locale, 'activity.groupCreate', { actor })
    case 'group.update':
      return translate(locale, 'activity.groupUpdate', { actor, what: changes(a.data) })
    case 'member.organizer':
      return translate(locale, 'activity.memberOrganizer', { actor, what: d.name ?? '' })
    case 'member.rename':
      return translate(locale, 'activity.memberRename', { actor, before: d.before?.name ?? '', after: d.after?.name ?? '' })
    case 'member.add':
      return translate(locale, 'activity.memberAdd', { actor, what: d.name ?? '' })
    case 'member.remove':
      return translate(locale, 'activity.memberRemove', { actor, what: d.name ?? '' })
    case 'member.leave':
      return translate(locale, 'activity.memberLeave', { actor })
    case 'group.archive':
      return translate(locale, a.data.reason === 'last-member-left' ? 'activity.groupArchiveLast' : 'activity.groupArchive', { actor })
    case 'group.restore':
      return translate(locale, 'activity.groupRestore', { actor })
    case 'group.delete':
      return translate(locale, 'activity.groupDelete', { actor })
    case 'invite.create':
      return translate(locale, 'activity.inviteCreate', { actor })
    case 'invite.revoke':
      return translate(locale, 'activity.inviteRevoke', { actor })
    case 'payment.confirm':
      return translate(locale, 'activity.confirm', { actor, amount })
    case 'payment.withdraw':
      return translate(locale, 'activity.withdraw', { actor, amount })
    case 'payment.reject':
      return translate(locale, 'activity.reject', { actor, amount, what: typeof a.data.reason === 'string' ? a.data.reason : '' })
    case 'recurring.add':
      return translate(locale, 'activity.recurringAdd', { actor, what, amount })
    case 'recurring.edit':
      return translate(locale, 'activity.recurringEdit', { actor, what })
    case 'recurring.stop':
      return translate(locale, a.data.automatic ? 'activity.recurringStopAuto' : 'activity.recurringStop', { actor, what })
    case 'receipt.add':
      return translate(locale, 'activity.receiptAdd', { actor })
    case 'receipt.remove':
      return translate(locale, 'activity.receiptRemove', { actor })
    case 'group.import':
      return translate(locale, 'activity.groupImport', { actor, count: typeof a.data.expenses === 'number' ? a.data.expenses : 0 })
    case 'member.join':
    case 'member.claim':
      return translate(locale, 'activity.join', { actor })
    default:
      return translate(locale, 'activity.other', { actor, what: a.kind })
  }
}

/** What an edit changed (older entries carry only the description and amount on each side). */
function editChanges(a: ActivityView, ctx: Parameters<typeof expenseChanges>[2]) {
  const d = a.data as { before?: ExpenseSide; after?: ExpenseSide }
  return d.before && d.after ? expenseChanges(d.before, d.after, ctx) : []
}

function ActivityScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  useTitle(t('activity.title'))
  const currency = useGroups((s) => s.groups[groupId]?.currency ?? 'CNY')
  const members = useGroups((s) => s.groups[groupId]?.members)
  // what came after the version I had seen before opening the group (not my own changes)
  const seenBefore = useGroups((s) => s.seenBefore[groupId])
  const me = useGroups((s) => s.groups[groupId]?.me)
  const isNew = (a: ActivityView) => seenBefore !== undefined && a.version > seenBefore && a.actor.memberId !== me
  const nameMap = useMemo(() => memberLookup(members ?? []).names, [members])
  const faceOf = (memberId: string | null) => (memberId ? members?.find((m) => m.id === memberId)?.avatar : null)
  const [items, setItems] = useState<ActivityView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true)
      try {
        const out = await api('listActivity', { groupId, limit: 50, ...(from ? { cursor: from } : {}) })
        setItems((prev) => (from ? [...prev, ...out.items] : out.items))
        setCursor(out.nextCursor)
        setLoaded(true)
      } finally {
        setLoading(false)
      }
    },
    [groupId]
  )
  useEffect(() => void load(null).catch(() => {}), [load])
  usePullDownRefresh(() => void load(null).catch(() => {}).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (cursor && !loading) void load(cursor).catch(() => {})
  })

  if (loaded && items.length === 0) {
    return (
      <View className='page'>
        <EmptyState icon='🕘' title={t('activity.empty')} body='' />
      </View>
    )
  }
  const now = Date.now()
  return (
    <View className='page'>
      <View className='card card--tight'>
        {items.map((a) => (
          <View key={a.id} className={`list-item${isNew(a) ? ' activity--new' : ''}`} data-testid='activity-item'>
            <Avatar name={a.actor.name} src={faceOf(a.actor.memberId)} size='sm' />
            <View className='grow' style={{ marginLeft: '12px' }}>
              <Text style={{ display: 'block' }}>
                {isNew(a) ? (
                  <Text className='badge activity__new' data-testid={`activity-new-${a.version}`}>
                    {t('activity.new')}
                  </Text>
                ) : null}
                {describeActivity(a, locale, currency)}
              </Text>
              {a.kind === 'expense.edit'
                ? editChanges(a, { names: nameMap, groupCurrency: currency, locale }).map((c) => (
                    <Text key={c.field} className='activity__change' data-testid={`activity-change-${c.field}`}>
                      {c.label}：{c.before} → {c.after}
                    </Text>
                  ))
                : null}
              <Text className='muted'>{formatListDate(a.at, locale, now)}</Text>
            </View>
          </View>
        ))}
      </View>
      {loading ? <Text className='muted'>{t('common.loading')}</Text> : null}
    </View>
  )
}

export default function ActivityPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <ActivityScreen groupId={params.groupId ?? ''} />
    </SignInGate>
  )
}
