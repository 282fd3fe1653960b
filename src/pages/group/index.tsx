import { View, Text, Button } from '@tarojs/components'
import Taro, { usePageScroll, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import BalanceList from '@/components/BalanceList'
import EmptyState from '@/components/EmptyState'
import ExpenseRow from '@/components/ExpenseRow'
import ExpenseWindow from '@/components/ExpenseWindow'
import { windowRange } from '@/components/ExpenseWindow/window'
import Money from '@/components/Money'
import PaidTracker from '@/components/PaidTracker'
import PlanList, { type LineAction, type PlanLine } from '@/components/PlanList'
import RemindSheet from '@/components/RemindSheet'
import Segmented from '@/components/Segmented'
import SignInGate from '@/components/SignInGate'
import { useShowEffect } from '@/hooks/useShowEffect'
import { useReminders } from '@/hooks/useReminders'
import { useT } from '@/hooks/useT'
import { windowSize } from '@/platform/screen'
import type { WindowSize } from '@/platform/screen-types'
import { useInviteShare } from '@/platform/share'
import { useTitle } from '@/hooks/useTitle'
import { nav } from '@/services/nav'
import { roleProps } from '@/platform/role'
import { listAfterCatchUp } from '@/selectors/recurring'
import { formatListDate, formatPickerDate } from '@/i18n/dates'
import { notify } from '@/services/notify'
import { confirmPayment } from '@/store/mutations'
import { useConfirmedPayments } from '@/hooks/useConfirmedPayments'
import { confirmRole, entriesBesidePlan, isOrganizer, planAction, trackerEntries, visibleEntries } from '@/selectors/tracker'

import { activeMembers } from '@/selectors/members'
import { memberLookup } from '@/selectors/names'
import { pendingEffect, withPending } from '@/selectors/optimistic'

import FailedChanges from '@/components/FailedChanges'
import './index.css'
import { queueStore } from '@/store/queue'
import { useGroups, useQueue } from '@/hooks/useStores'

type Tab = 'expenses' | 'balances' | 'settle'

/** Row height of an expense in design px (750 wide); must match .xrow in ExpenseRow's CSS. */
const ROW_DESIGN_PX = 136

function useRowMetrics() {
  return useMemo(() => {
    let size: WindowSize = { width: 375, height: 700 }
    try {
      size = windowSize() ?? size
    } catch {
      // the defaults: a common phone
    }
    return { rowHeight: (ROW_DESIGN_PX * size.width) / 750, viewport: size.height }
  }, [])
}

function GroupScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  const [tab, setTab] = useState<Tab>('expenses')
  const group = useGroups((s) => s.groups[groupId])
  const pages = useGroups((s) => s.expenses[groupId])
  const { loadGroup, refreshExpenses, loadMoreExpenses } = useGroups(
    useShallow((s) => ({ loadGroup: s.loadGroup, refreshExpenses: s.refreshExpenses, loadMoreExpenses: s.loadMoreExpenses }))
  )
  const queue = useQueue((s) => s.items)
  const failedAll = useQueue((s) => s.failed)
  const failed = useMemo(() => failedAll.filter((m) => m.groupId === groupId), [failedAll, groupId])
  const confirmed = useConfirmedPayments(groupId, tab === 'settle', group?.version)
  const [scrollTop, setScrollTop] = useState(0)
  const [listTop, setListTop] = useState(0)
  const { rowHeight, viewport } = useRowMetrics()
  // "3 天前" is measured from when the list last changed, so rows do not re-render on a clock
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => setNow(Date.now()), [pages?.items])
  useTitle(group?.name ?? '')

  const nextBefore = group?.nextRecurring
  const known = Boolean(group)
  const reload = useCallback(async () => {
    const [loaded] = await Promise.allSettled([loadGroup(groupId), refreshExpenses(groupId)])
    // reading the group made the recurring expenses that came due: list them too
    const after = loaded.status === 'fulfilled' ? loaded.value.nextRecurring : undefined
    if (listAfterCatchUp(nextBefore, known, after, formatPickerDate(Date.now()))) await refreshExpenses(groupId).catch(() => {})
  }, [groupId, loadGroup, refreshExpenses, nextBefore, known])
  useShowEffect(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (tab === 'expenses') void loadMoreExpenses(groupId).catch(() => {})
  })
  // Only re-render when the first visible row changes by a few rows, not on every scroll pixel.
  usePageScroll(({ scrollTop: y }) => {
    const quantum = rowHeight * 4
    setScrollTop((prev) => (Math.abs(prev - y) >= quantum ? Math.floor(y / quantum) * quantum : prev))
  })

  useEffect(() => {
    if (tab !== 'expenses') return
    const timer = setTimeout(() => {
      Taro.createSelectorQuery()
        .select('#xlist')
        .boundingClientRect()
        .selectViewport()
        .scrollOffset()
        .exec((res: Array<{ top?: number; scrollTop?: number } | null>) => {
          const rect = res?.[0]
          const view = res?.[1]
          if (rect && typeof rect.top === 'number') setListTop(rect.top + (view?.scrollTop ?? 0))
        })
    }, 50)
    return () => clearTimeout(timer)
  }, [tab, group?.id])

  const shown = useMemo(
    () => (group ? withPending(pages?.items ?? [], queue, groupId, group.currency, group.me) : []),
    [pages?.items, queue, groupId, group]
  )
  // Load the next page before the window reaches the end of what is loaded (as well as on reach-bottom).
  const windowEnd = windowRange({ count: shown.length, rowHeight, scrollTop, listTop, viewport }).end
  const nearEnd = tab === 'expenses' && !!pages?.nextCursor && !pages.loading && windowEnd >= shown.length - 15
  useEffect(() => {
    if (nearEnd) void loadMoreExpenses(groupId).catch(() => {})
  }, [nearEnd, groupId, loadMoreExpenses])
  const { names, faces } = useMemo(() => memberLookup(group?.members ?? []), [group?.members])
  const reminders = useReminders(group, names)
  // looking at the group is having seen it, at each version that arrives while it is open
  const markSeen = useGroups((s) => s.markSeen)
  useEffect(() => {
    if (group?.version !== undefined) void markSeen(groupId).catch(() => {})
  }, [group?.version, groupId, markSeen])
  // the reminder card, when one is ready, is what the share button sends to the chat
  useInviteShare(reminders.card ? { title: reminders.card.title, path: reminders.card.path } : null)
  const openExpense = useCallback((id: string) => void nav.expenseDetail(groupId, id), [groupId])

  if (!group) {
    return (
      <View className='page'>
        <Text className='muted'>{t('common.loading')}</Text>
      </View>
    )
  }
  // queued adds show in the totals at once; the function's answer replaces them
  const effect = pendingEffect(queue, groupId, group.currency)
  const balances = Object.fromEntries(group.members.map((m) => [m.id, (group.balances[m.id] ?? 0) + (effect.deltas[m.id] ?? 0)]))
  const mine = balances[group.me] ?? 0
  const organizer = isOrganizer(group, group.me)
  const entries = entriesBesidePlan(visibleEntries(trackerEntries(group, confirmed), group.me, organizer), group)
  const confirming = new Set(
    queue.filter((m) => m.groupId === groupId && m.action === 'confirmPayment').map((m) => String((m.input as { paymentId?: unknown }).paymentId))
  )

  const confirm = (paymentId: string) => {
    confirmPayment(groupId, paymentId)
    notify(t('group.tracker.confirmDone'))
  }
  // the organizer reminds everyone at once when someone other than them still owes
  const othersOwe = organizer && group.plan.some((p) => p.state === 'open' && p.from !== group.me)
  const lineAction = (line: PlanLine): LineAction | null => {
    const action = planAction(line, group, organizer, confirming)
    if (!action) return null
    if ('paymentId' in action) {
      if (action.kind === 'syncing') return { label: t('common.pending') }
      return { label: t(action.kind === 'confirmCash' ? 'group.tracker.confirmCash' : 'group.tracker.confirm'), primary: true, onClick: () => confirm(action.paymentId) }
    }
    if (action.kind === 'pay') return { label: t('group.plan.pay'), primary: true, onClick: () => void nav.settle(groupId) }
    return { label: t('group.plan.remind'), onClick: () => void reminders.remindOne(line) }
  }

  return (
    <View className='gpage'>
      <View className='ghead'>
        <View className='row'>
          <View className='ghead__emoji'>
            <Text>{group.emoji}</Text>
          </View>
          <View className='grow'>
            <Text className='ghead__name ellipsis'>{group.name}</Text>
            <Text className='ghead__meta'>
              {t('groups.members', { count: activeMembers(group.members).length })} · {t('group.total', { count: group.expenseCount + effect.added })}
            </Text>
          </View>
          <Button className='btn btn--small ghead__btn' onClick={() => void nav.stats(groupId)} data-testid='open-stats'>
            {t('group.stats')}
          </Button>
        </View>
        <View className='row row--between ghead__stats'>
          <View>
            <Text className='ghead__label'>{mine > 0 ? t('group.head.owed') : mine < 0 ? t('group.head.owes') : t('groups.settled')}</Text>
            <Money amount={Math.abs(mine)} currency={group.currency} locale={locale} className='ghead__balance' />
          </View>
          <View className='row'>
            {group.archived ? null : (
              <Button className='btn btn--small ghead__btn' onClick={() => void nav.invite(groupId)} data-testid='open-invite'>
                {t('group.invite')}
              </Button>
            )}
            <Button className='btn btn--small ghead__btn' onClick={() => void nav.activity(groupId)} data-testid='open-activity'>
              {t('group.activity')}
            </Button>
            <Button className='btn btn--small ghead__btn' onClick={() => void nav.groupSettings(groupId)} data-testid='open-settings'>
              {t('group.settings')}
            </Button>
          </View>
        </View>
      </View>
      {group.nextRecurring ? (
        <View className='card gnotice gnext' onClick={() => void nav.recurring(groupId)} data-testid='next-recurring' {...roleProps('link')}>
          <Text className='grow ellipsis'>{t('group.nextRecurring', { what: group.nextRecurring.description, date: formatListDate(group.nextRecurring.date, locale, now) })}</Text>
          <Money amount={group.nextRecurring.amount} currency={group.nextRecurring.currency ?? group.currency} locale={locale} />
          <Text className='muted'> ›</Text>
        </View>
      ) : null}
      {group.archived ? (
        <View className='card card--warn gnotice' data-testid='group-archived'>
          <Text>{t('group.archived')}</Text>
        </View>
      ) : null}
      <FailedChanges
        items={failed}
        locale={locale}
        onRetry={(id) => void queueStore.getState().retryFailed(id)}
        onDiscard={(id) => queueStore.getState().discard(id)}
      />
      <View className='gtabs'>
        <Segmented
          tabs
          testId='group-tab'
          value={tab}
          onChange={setTab}
          options={[
            { value: 'expenses', label: t('group.tab.expenses') },
            { value: 'balances', label: t('group.tab.balances') },
            { value: 'settle', label: t('group.tab.settle') }
          ]}
        />
      </View>
      {tab === 'expenses' && group.expenseCount > 0 ? (
        <View className='gsearch' onClick={() => void nav.search(groupId)} data-testid='open-search' {...roleProps('button')}>
          <Text className='muted'>🔍 {t('group.search')}</Text>
        </View>
      ) : null}
      {tab === 'expenses' ? (
        <View id='xlist' className='xlist'>
          {shown.length === 0 && pages?.loaded ? (
            <View style={{ padding: '0 32px' }}>
              <EmptyState icon='🧾' title={t('group.empty.title')} body={t('group.empty.body')} />
            </View>
          ) : (
            <ExpenseWindow
              items={shown}
              rowHeight={rowHeight}
              scrollTop={scrollTop}
              listTop={listTop}
              viewport={viewport}
              renderItem={(item) => <ExpenseRow key={item.id} item={item} names={names} me={group.me} groupCurrency={group.currency} locale={locale} now={now} onOpen={openExpense} />}
            />
          )}
          {pages?.loading ? <Text className='xlist__foot'>{t('common.loading')}</Text> : pages?.loaded && !pages.nextCursor && shown.length > 0 ? <Text className='xlist__foot'>{t('common.noMore')}</Text> : null}
        </View>
      ) : null}
      {tab === 'balances' ? (
        <View className='page gsection'>
          <BalanceList members={activeMembers(group.members)} balances={balances} me={group.me} currency={group.currency} locale={locale} />
        </View>
      ) : null}
      {tab === 'settle' ? (
        <View className='page gsection'>
          <Text className='section-title'>{t('group.plan.title')}</Text>
          <PlanList plan={group.plan} names={names} faces={faces} me={group.me} currency={group.currency} locale={locale} actionOf={lineAction} noteOf={reminders.lastReminder} />
          {reminders.card ? <RemindSheet card={reminders.card} onClose={reminders.closeCard} /> : null}
          {othersOwe && !group.archived ? (
            <Button className='btn btn--ghost btn--block' loading={reminders.busy} onClick={() => void reminders.remindAll()} data-testid='remind-all'>
              {t('group.remind.all')}
            </Button>
          ) : null}
          <Text className='section-title'>{t('group.tracker.title')}</Text>
          <PaidTracker
            entries={entries}
            names={names}
            faces={faces}
            currency={group.currency}
            locale={locale}
            confirmAs={(e) => confirmRole(e, group.me, organizer)}
            confirming={confirming}
            onConfirm={(e) => e.paymentId && confirm(e.paymentId)}
          />
        </View>
      ) : null}
      {group.archived ? null : (
        <View className='fab-bar'>
          <Button className='btn btn--secondary' onClick={() => void nav.settle(groupId)} data-testid='open-settle'>
            {t('group.settleUp')}
          </Button>
          <Button className='btn btn--primary' onClick={() => void nav.expense(groupId)} data-testid='add-expense'>
            ＋ {t('group.addExpense')}
          </Button>
        </View>
      )}
    </View>
  )
}

export default function GroupPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <GroupScreen groupId={params.id ?? ''} />
    </SignInGate>
  )
}
