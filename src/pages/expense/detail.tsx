import '@/i18n/expense'
import '@/i18n/changes'
import { View, Text, Button, Image } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import type { ActivityView, ExpenseView } from '@/api/views'
import type { ReceiptView } from '@/api/receipts'
import { RECEIPTS_PER_EXPENSE } from '@/api/sizes'
import { chooseReceiptPhotos } from '@/platform/receipt'
import { roleProps } from '@/platform/role'
import { named } from '@/components/accessible-name'
import { newClientId } from '@/services/ids'
import { withConsent } from '@/store/privacy'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import SignInGate from '@/components/SignInGate'
import { convertAmount } from '@/domain/money/convert'
import { useGroups, useQueue } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { memberLookup } from '@/selectors/names'
import { useTitle } from '@/hooks/useTitle'
import type { MessageKey } from '@/i18n'
import { formatListDate } from '@/i18n/dates'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { categoryLabel } from '@/i18n/categories'
import { categoryIcon } from '@/services/categories'
import { nav } from '@/services/nav'
import { notify, notifyFailure } from '@/services/notify'
import { expenseChanges, describeSplit, type ExpenseSide } from '@/selectors/expense-changes'
import { withPending } from '@/selectors/optimistic'
import { deleteExpense } from '@/store/mutations'
import './detail.css'

/**
 * One expense: who paid what, each person's share, the currency, rate and converted amount, and its history (every
 * add, edit with what changed, and delete, with who and when); edit and delete from here. Shown from the list at once,
 * then from the function with its history (an expense still waiting to be sent has none yet).
 */
/** How each kind of entry in an expense's history reads. */
const HISTORY: Partial<Record<ActivityView['kind'], MessageKey>> = {
  'expense.add': 'expense.history.add',
  'expense.edit': 'expense.history.edit',
  'expense.delete': 'expense.history.delete',
  'receipt.add': 'expense.history.receiptAdd',
  'receipt.remove': 'expense.history.receiptRemove',
  'group.import': 'expense.history.imported'
}

/** The entries of a record by member id, in the group's member order (ids the group no longer lists last). */
function inMemberOrder<T>(record: Record<string, T>, members: { id: string }[]): [string, T][] {
  const rank = new Map(members.map((m, i) => [m.id, i]))
  return Object.entries(record).sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity))
}

function DetailScreen({ groupId, expenseId }: { groupId: string; expenseId: string }) {
  const { t, locale } = useT()
  useTitle(t('expense.detail'))
  const group = useGroups((s) => s.groups[groupId])
  const items = useGroups((s) => s.expenses[groupId]?.items)
  const queue = useQueue((s) => s.items)
  const listed = useMemo(
    () => (group ? withPending(items ?? [], queue, groupId, group.currency, group.me).find((x) => x.id === expenseId) : undefined),
    [items, queue, group, groupId, expenseId]
  )
  const [fetched, setFetched] = useState<{ expense: ExpenseView; deletedAt: string | null; history: ActivityView[]; receipts: ReceiptView[] } | null>(null)
  const [attaching, setAttaching] = useState(false)
  const [missing, setMissing] = useState(false)

  const load = useCallback(async () => {
    try {
      setFetched(await api('getExpense', { groupId, expenseId }))
    } catch (e) {
      if (isCallError(e) && e.code === 'NOT_FOUND') setMissing(true)
    }
  }, [groupId, expenseId])
  // again after an edit from here
  useDidShow(() => void load())

  const { names, faces } = useMemo(() => memberLookup(group?.members ?? []), [group?.members])
  // a change waiting to be sent is newer than the function's copy
  const shown = listed?.pending ? listed : (fetched?.expense ?? listed)
  if (!group || !shown) {
    return (
      <View className='page'>
        <Text className='muted'>{missing ? t('expense.missing') : t('common.loading')}</Text>
      </View>
    )
  }
  const e = shown.expense
  const currency = e.currency ?? group.currency
  const foreign = currency !== group.currency && e.rate
  const deleted = Boolean(fetched?.deletedAt) && !listed
  const ctx = { names, groupCurrency: group.currency, locale }

  const canAttach = Boolean(fetched) && !listed?.pending && !deleted && !group.archived
  const receipts = fetched?.receipts ?? []

  /** Photos from the album or the camera, compressed on the phone, added one by one (the function keeps at most 3). */
  const attach = async () => {
    const photos = await withConsent(() => chooseReceiptPhotos(RECEIPTS_PER_EXPENSE - receipts.length))
    if (!photos || photos.length === 0) return
    setAttaching(true)
    try {
      for (const p of photos) await api('addReceipt', { clientId: newClientId(), groupId, expenseId: shown.id, image: p.image, ...(p.thumb ? { thumb: p.thumb } : {}) })
      notify(t('expense.receiptAdded'))
    } catch (e) {
      notifyFailure(e, locale)
    } finally {
      setAttaching(false)
      void load()
    }
  }

  const detach = async (r: ReceiptView) => {
    const ask = await Taro.showModal({ title: t('expense.receiptRemove'), content: '' })
    if (!ask.confirm) return
    try {
      await api('removeReceipt', { clientId: newClientId(), groupId, receiptId: r.id })
    } catch (e) {
      notifyFailure(e, locale)
    }
    void load()
  }

  const remove = async () => {
    const res = await Taro.showModal({ title: t('expense.deleteConfirm'), content: shown.description })
    if (!res.confirm) return
    deleteExpense(group.id, shown.id, group.version)
    notify(t('expense.deleted'))
    void nav.back()
  }

  const entry = (a: ActivityView) => {
    const d = a.data as { before?: ExpenseSide; after?: ExpenseSide }
    const changes = a.kind === 'expense.edit' && d.before && d.after ? expenseChanges(d.before, d.after, ctx) : []
    return (
      <View key={a.id} className='list-item xdetail__entry' data-testid='history-entry'>
        <Avatar name={a.actor.name} src={a.actor.memberId ? faces[a.actor.memberId] : null} size='sm' />
        <View className='grow' style={{ marginLeft: '12px' }}>
          <Text className='xdetail__what'>{t(HISTORY[a.kind] ?? 'expense.history.edit', { actor: a.actor.name })}</Text>
          {changes.map((c) => (
            <Text key={c.field} className='xdetail__change' data-testid={`change-${c.field}`}>
              {c.label}：{c.before} → {c.after}
            </Text>
          ))}
          <Text className='muted xdetail__when'>{formatListDate(a.at, locale, Date.now())}</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='page xdetail'>
      {deleted ? (
        <View className='card card--warn' data-testid='expense-deleted'>
          <Text>{t('expense.wasDeleted')}</Text>
        </View>
      ) : null}
      <View className='card xdetail__head'>
        <Text className='xdetail__icon'>{categoryIcon(shown.category)}</Text>
        <View className='grow'>
          <Text className='xdetail__title' data-testid='detail-description'>
            {shown.description}
          </Text>
          <Text className='muted'>
            {categoryLabel(shown.category, locale)} · {shown.date}
            {e.amount < 0 ? ` · ${t('expense.refund')}` : ''}
          </Text>
        </View>
        <View className='xdetail__amounts' data-testid='detail-amount'>
          <Money amount={e.amount} currency={currency} locale={locale} className='xdetail__amount' />
          {foreign ? (
            <Text className='muted xdetail__rate' data-testid='detail-rate'>
              {t('expense.rateLine', { from: currency, rate: e.rate!, to: group.currency })} ≈ <Money amount={convertAmount(e.amount, e.rate!, currency, group.currency)} currency={group.currency} locale={locale} />
            </Text>
          ) : null}
        </View>
      </View>
      <View className='card'>
        <Text className='section-title'>{e.amount < 0 ? t('expense.receivedBy') : t('expense.paidBy')}</Text>
        {inMemberOrder(e.paidBy, group.members).map(([id, v]) => (
          <View key={id} className='list-item' data-testid={`paid-${id}`}>
            <Text className='grow'>{names[id] ?? '?'}</Text>
            <Money amount={v} currency={currency} locale={locale} />
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='section-title'>{t('expense.shares')}</Text>
        <Text className='muted xdetail__split'>{describeSplit(e.split, currency, ctx)}</Text>
        {inMemberOrder(shown.shares, group.members).map(([id, v]) => (
          <View key={id} className={`list-item${id === group.me ? ' xdetail__me' : ''}`} data-testid={`share-${id}`}>
            <Text className='grow'>{names[id] ?? '?'}</Text>
            <Money amount={v} currency={group.currency} locale={locale} />
          </View>
        ))}
      </View>
      {receipts.length > 0 || canAttach ? (
        <View className='card' data-testid='receipts'>
          <Text className='section-title'>{t('expense.receipts')}</Text>
          <View className='xdetail__photos'>
            {receipts.map((r, i) => (
              <View key={r.id} className='xdetail__photo'>
                <Image className='xdetail__thumb' src={r.thumbUrl} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: receipts.map((x) => x.url), current: r.url })} {...named(t('expense.receiptN', { n: i + 1 }), 'button')} />
                {canAttach ? (
                  <Text className='xdetail__photo-remove' onClick={() => void detach(r)} {...named(t('expense.receiptRemove'), 'button')}>
                    ✕
                  </Text>
                ) : null}
              </View>
            ))}
            {canAttach && receipts.length < RECEIPTS_PER_EXPENSE ? (
              <View className='xdetail__photo xdetail__photo--add' onClick={() => void attach()} data-testid='receipt-add' {...roleProps('button')}>
                <Text>{attaching ? t('common.loading') : t('expense.receiptAdd')}</Text>
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      <View className='card card--tight'>
        <Text className='section-title xdetail__history-title'>{t('expense.history')}</Text>
        {fetched ? fetched.history.map(entry) : <Text className='muted xdetail__pending'>{listed?.pending ? t('common.pending') : t('common.loading')}</Text>}
      </View>
      {deleted || group.archived ? null : (
        <View className='fab-bar'>
          <Button className='btn btn--danger' onClick={() => void remove()} data-testid='detail-delete'>
            {t('common.delete')}
          </Button>
          <Button className='btn btn--primary' onClick={() => void nav.expense(groupId, shown.id)} data-testid='detail-edit'>
            {t('expense.editButton')}
          </Button>
        </View>
      )}
    </View>
  )
}

export default function ExpenseDetailPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <DetailScreen groupId={params.groupId ?? ''} expenseId={params.expenseId ?? ''} />
    </SignInGate>
  )
}
