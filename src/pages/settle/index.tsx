import '@/i18n/settle'
import { View, Text, Button, Image, Input } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { GroupView } from '@/api/views'
import TransferCard from '@/components/TransferCard'
import { formatMoney } from '@/domain/money/format'
import SignInGate from '@/components/SignInGate'
import { useShowEffect } from '@/hooks/useShowEffect'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { translateError } from '@/i18n'
import { payOrder } from '@/platform/pay'
import { platform } from '@/platform/target'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { notify, notifyFailure } from '@/services/notify'

import { memberLookup } from '@/selectors/names'
import { newClientId } from '@/services/ids'
import { confirmPayment, recordPayment, rejectPayment, withdrawPayment } from '@/store/mutations'
import { pendingTransfers } from '@/selectors/optimistic'
import { usePayOptions } from '@/hooks/usePayOptions'
import { usePayoutsToCollect } from '@/hooks/usePayoutsToCollect'
import { collectPayout } from '@/services/payouts'

import './index.css'
import { useGroups, useQueue } from '@/hooks/useStores'

/** The collection QR shown for one payee: by member id (two people may share a name). */
interface Qr {
  memberId: string
  name: string
  image: string
}

/** Reads the wallet parameters out of createPaymentOrder's reply. */
/**
 * The transfer a reminder card was about (opened from the chat): whose it is and whether it is still open, said
 * at the top, and the payer's card for it shown first.
 */
function ReminderFocus({ group, from, to, names }: { group: GroupView; from: string; to: string; names: Record<string, string> }) {
  const { t, locale } = useT()
  const line = group.plan.find((p) => p.from === from && p.to === to)
  const amount = line ? formatMoney(line.amount, group.currency, locale) : ''
  const text = !line
    ? t('settle.focus.done', { from: names[from] ?? '?', to: names[to] ?? '?' })
    : from === group.me
      ? t('settle.focus.mine', { to: names[to] ?? '?', amount })
      : t('settle.focus.theirs', { from: names[from] ?? '?', to: names[to] ?? '?', amount })
  return (
    <View className={`card ${line && from === group.me ? 'card--warn' : ''}`} data-testid='settle-focus'>
      <Text>{text}</Text>
    </View>
  )
}

function SettleScreen({ groupId, focus }: { groupId: string; focus: { from: string; to: string } | null }) {
  const { t, locale } = useT()
  useTitle(t('settle.title'))
  const group = useGroups((s) => s.groups[groupId])
  const loadGroup = useGroups((s) => s.loadGroup)
  const queue = useQueue((s) => s.items)
  const [qr, setQr] = useState<Qr | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const queued = useMemo(() => pendingTransfers(queue, groupId), [queue, groupId])

  const payouts = usePayoutsToCollect(groupId, group?.me, !!group)
  const payOptions = usePayOptions(groupId, !!group)
  /** The payment the receiver is saying did not arrive, and the reason being typed. */
  const [rejecting, setRejecting] = useState<{ id: string; reason: string } | null>(null)

  const reload = () => Promise.allSettled([loadGroup(groupId), payouts.reload(), payOptions.reload()])
  useShowEffect(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  if (!group) {
    return (
      <View className='page'>
        <Text className='muted'>{t('common.loading')}</Text>
      </View>
    )
  }
  const { names, faces } = memberLookup(group.members)
  const member = (id: string) => group.members.find((m) => m.id === id)
  const me = group.me
  const awaitingPairs = new Set(group.pendingPayments.map((p) => `${p.from}->${p.to}`))
  // a transfer I already paid (waiting for the receiver) is shown once: as that payment, which I can withdraw
  const toPay = group.plan
    .filter((p) => p.from === me && !awaitingPairs.has(`${p.from}->${p.to}`))
    // the transfer the reminder was about comes first
    .sort((a, b) => Number(b.to === focus?.to) - Number(a.to === focus?.to))
  const toReceive = group.plan.filter((p) => p.to === me)
  const awaitingMe = group.pendingPayments.filter((p) => p.to === me)
  const awaitingThem = group.pendingPayments.filter((p) => p.from === me)
  const rejectedMine = (group.rejectedPayments ?? []).filter((p) => p.from === me)
  const rejectionTo = (to: string) => rejectedMine.find((p) => p.to === to)
  const rejectionNote = (p: { id: string; to: string; reason?: string | null }) => (
    <Text className='transfer__rejected tone-owes' data-testid={`rejected-${p.to}`}>
      {t('settle.rejectedBy', { name: names[p.to] ?? '?', reason: p.reason ?? '' })}
    </Text>
  )
  /** Why the wallet button cannot work for this payee (null or unknown: offer it; createPaymentOrder has the last word). */
  const whyNot = (to: string) => payOptions.payees?.[to] ?? null

  const payWithWallet = async (to: string) => {
    setBusy(`wallet:${to}`)
    try {
      const { pay } = await api('createPaymentOrder', { groupId, from: me, to, clientId: newClientId() })
      const result = await payOrder(pay, { locale })
      if (result.status === 'paid') notify(t('settle.recorded'))
      else notify(result.message ?? t('settle.payFailed'))
      await loadGroup(groupId)
    } catch (e) {
      notify(isCallError(e) ? translateError(locale, e.code) : t('settle.payFailed'))
    } finally {
      setBusy(null)
    }
  }

  const showQr = async (to: string) => {
    setBusy(`qr:${to}`)
    try {
      const out = await api('getMemberQr', { groupId, memberId: to })
      if (!out.qrImage) notify(t('settle.noQr'))
      else setQr({ memberId: to, name: names[to] ?? '', image: out.qrImage })
    } catch (e) {
      notifyFailure(e, locale)
    } finally {
      setBusy(null)
    }
  }

  const collect = async (transferId: string) => {
    const transfer = payouts.items.find((x) => x.id === transferId)
    if (!transfer) return
    setBusy(`collect:${transferId}`)
    try {
      const { result, transfer: after } = await collectPayout(groupId, transfer, locale)
      if (result.status !== 'paid') notify(result.message ?? t('settle.payFailed'))
      else notify(after?.state === 'settled' ? t('settle.collected') : t('settle.collecting'))
      await reload()
    } catch (e) {
      notifyFailure(e, locale)
    } finally {
      setBusy(null)
    }
  }

  const record = (from: string, to: string, amount: number, method: 'cash' | 'direct') => {
    recordPayment(groupId, from, to, amount, method)
    notify(to === me ? t('settle.confirmed') : t('settle.recorded'))
    setQr(null)
  }

  return (
    <View className='page settle'>
      {focus ? <ReminderFocus group={group} from={focus.from} to={focus.to} names={names} /> : null}
      <Text className='section-title'>{t('settle.toPay')}</Text>
      {toPay.length === 0 && awaitingThem.length === 0 ? (
        <View className='card'>
          <Text className='muted'>{t('settle.nothing')}</Text>
        </View>
      ) : null}
      {toPay.map((p) => {
        const payee = member(p.to)
        const waiting = p.state === 'pending' || queued.has(`${p.from}->${p.to}`)
        return (
          <TransferCard
            key={`${p.from}->${p.to}`}
            testId={`pay-${p.to}`}
            name={names[p.to] ?? '?'}
            avatar={faces[p.to]}
            title={t('settle.payTo', { name: names[p.to] ?? '?' })}
            badge={t(waiting ? 'transfer.state.pending' : 'transfer.state.open')}
            badgeTone={waiting ? 'ok' : undefined}
            amount={p.amount}
            currency={group.currency}
            locale={locale}
            tone='owes'
          >
            {rejectionTo(p.to) ? rejectionNote(rejectionTo(p.to)!) : null}
            {!waiting ? (
              <View className='transfer__actions'>
                {whyNot(p.to) === null ? (
                  <Button className='btn btn--primary btn--small' loading={busy === `wallet:${p.to}`} disabled={(!!busy) || undefined} onClick={() => void payWithWallet(p.to)} data-testid={`pay-wallet-${p.to}`}>
                    {t('settle.payWallet', { wallet: platform.walletName[locale] })}
                  </Button>
                ) : (
                  <Text className='muted transfer__why' data-testid={`pay-why-${p.to}`}>
                    {t(`settle.why.${whyNot(p.to)!}`, { name: names[p.to] ?? '?', wallet: platform.walletName[locale] })}
                  </Text>
                )}
                {payee?.hasQr ? (
                  <Button className='btn btn--secondary btn--small' loading={busy === `qr:${p.to}`} disabled={(!!busy) || undefined} onClick={() => void showQr(p.to)} data-testid={`pay-qr-${p.to}`}>
                    {t('settle.payQr')}
                  </Button>
                ) : null}
                <Button className='btn btn--ghost btn--small' disabled={(!!busy) || undefined} onClick={() => record(me, p.to, p.amount, 'cash')} data-testid={`pay-cash-${p.to}`}>
                  {t('settle.payCash')}
                </Button>
              </View>
            ) : null}
          </TransferCard>
        )
      })}
      {awaitingThem.map((p) => (
        <TransferCard
          key={p.id}
          testId={`paid-${p.to}`}
          name={names[p.to] ?? '?'}
          avatar={faces[p.to]}
          title={t('settle.payTo', { name: names[p.to] ?? '?' })}
          badge={t('group.tracker.paid')}
          badgeTone='muted'
          amount={p.amount}
          currency={group.currency}
          locale={locale}
        >
          {p.method === 'cash' || p.method === 'direct' ? (
            <View className='transfer__actions'>
              <Button className='btn btn--ghost btn--small' onClick={() => (withdrawPayment(groupId, p.id), notify(t('settle.withdrawn')))} data-testid={`withdraw-${p.to}`}>
                {t('settle.withdraw')}
              </Button>
            </View>
          ) : null}
        </TransferCard>
      ))}
      {rejectedMine
        .filter((p) => !toPay.some((x) => x.to === p.to))
        .map((p) => (
          <View key={p.id} className='card transfer'>
            {rejectionNote(p)}
          </View>
        ))}

      <Text className='section-title'>{t('settle.toReceive')}</Text>
      {payouts.items.map((x) => (
        <TransferCard
          key={x.id}
          testId={`collect-${x.from}`}
          name={names[x.from] ?? '?'}
          avatar={faces[x.from]}
          title={t('settle.from', { name: names[x.from] ?? '?' })}
          badge={t('settle.collectWaiting')}
          badgeTone='ok'
          amount={x.amount}
          currency={x.currency}
          locale={locale}
          tone='owed'
        >
          <View className='transfer__actions'>
            <Button className='btn btn--primary btn--small' loading={busy === `collect:${x.id}`} disabled={(!!busy) || undefined} onClick={() => void collect(x.id)} data-testid={`collect-payout-${x.from}`}>
              {t('settle.collect')}
            </Button>
          </View>
        </TransferCard>
      ))}
      {toReceive.length === 0 && awaitingMe.length === 0 && payouts.items.length === 0 ? (
        <View className='card'>
          <Text className='muted'>{t('settle.nothing')}</Text>
        </View>
      ) : null}
      {awaitingMe.map((p) => (
        <TransferCard
          key={p.id}
          testId={`confirm-${p.from}`}
          name={names[p.from] ?? '?'}
          avatar={faces[p.from]}
          title={t('settle.from', { name: names[p.from] ?? '?' })}
          badge={t('group.tracker.paid')}
          amount={p.amount}
          currency={group.currency}
          locale={locale}
          tone='owed'
        >
          {rejecting?.id === p.id ? (
            <View className='transfer__reject'>
              <Input
                className='transfer__reason'
                value={rejecting.reason}
                maxlength={200}
                focus
                placeholder={t('settle.rejectReason', { name: names[p.from] ?? '?' })}
                onInput={(e) => setRejecting({ id: p.id, reason: e.detail.value })}
                data-testid={`reject-reason-${p.from}`}
              />
              <View className='transfer__actions'>
                <Button
                  className='btn btn--primary btn--small'
                  disabled={!rejecting.reason.trim() || undefined}
                  onClick={() => {
                    if (!rejecting.reason.trim()) return
                    rejectPayment(groupId, p.id, rejecting.reason.trim())
                    setRejecting(null)
                    notify(t('settle.rejected', { name: names[p.from] ?? '?' }))
                  }}
                  data-testid={`reject-send-${p.from}`}
                >
                  {t('settle.rejectSend')}
                </Button>
                <Button className='btn btn--ghost btn--small' onClick={() => setRejecting(null)}>
                  {t('settle.rejectCancel')}
                </Button>
              </View>
            </View>
          ) : (
            <View className='transfer__actions'>
              <Button className='btn btn--primary btn--small' onClick={() => (confirmPayment(groupId, p.id), notify(t('settle.confirmed')))} data-testid={`confirm-payment-${p.from}`}>
                {t('settle.confirm')}
              </Button>
              <Button className='btn btn--ghost btn--small' onClick={() => setRejecting({ id: p.id, reason: '' })} data-testid={`reject-payment-${p.from}`}>
                {t('settle.reject')}
              </Button>
            </View>
          )}
        </TransferCard>
      ))}
      {toReceive
        .filter((p) => p.state === 'open')
        .map((p) => {
          const waiting = queued.has(`${p.from}->${p.to}`)
          return (
            <TransferCard
              key={`${p.from}->${p.to}`}
              testId={`receive-${p.from}`}
              name={names[p.from] ?? '?'}
              avatar={faces[p.from]}
              title={t('settle.from', { name: names[p.from] ?? '?' })}
              badge={t(waiting ? 'transfer.state.pending' : 'transfer.state.open')}
              amount={p.amount}
              currency={group.currency}
              locale={locale}
              tone='owed'
            >
              {!waiting ? (
                <View className='transfer__actions'>
                  <Button className='btn btn--ghost btn--small' onClick={() => record(p.from, me, p.amount, 'cash')} data-testid={`receive-cash-${p.from}`}>
                    {t('settle.payCash')}
                  </Button>
                </View>
              ) : null}
            </TransferCard>
          )
        })}

      {qr ? (
        <View className='qr-mask' onClick={() => setQr(null)}>
          <View className='qr-sheet' onClick={(e) => e.stopPropagation()}>
            <Text className='transfer__title'>{t('settle.qrTitle', { name: qr.name })}</Text>
            <Image className='qr-image' src={qr.image} mode='aspectFit' showMenuByLongpress />
            {toPay
              .filter((p) => p.to === qr.memberId)
              .map((p) => (
                <Button key={p.to} className='btn btn--primary btn--block' onClick={() => record(me, p.to, p.amount, 'direct')} data-testid='qr-paid'>
                  {t('settle.markPaid')}
                </Button>
              ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}

export default function SettlePage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <SettleScreen groupId={params.groupId ?? ''} focus={params.from && params.to ? { from: params.from, to: params.to } : null} />
    </SignInGate>
  )
}
