/**
 * Payment notifications (/notify/wechat, /notify/alipay): verified by the provider module, then applied once.
 * A paid transfer becomes a confirmed Payment in the group ledger and its payout is queued in the same
 * transaction. Duplicates are acknowledged without any change; forged, replayed, mismatched and unknown ones
 * are refused. Accepted and duplicate notifications are logged in pay_notifications; refused ones are counted
 * per provider, code and day in pay_notify_refusals.
 */
import type { AppServices } from '../actions/types'
import { lockGroup, recordChange } from '../ledger/groups'
import { newId } from '../ledger/ids'
import { PaymentError } from './errors'
import { newOrderNo } from './orders'
import { applyPayoutResult, lockPayout } from './payouts'
import { findTransfer, logNotification, transition } from './store'
import { isPayoutNotice, type PaymentNotice, type PayoutNotice, type PayoutWallet, type RawReply, type RawRequest } from './types'

type Outcome = { outcome: 'accepted' | 'duplicate'; transferId: string }

async function applyPayment(services: AppServices, n: PaymentNotice): Promise<Outcome> {
  const { db } = services
  const now = services.clock()
  const head = await db.query<{ group_id: string }>('SELECT group_id FROM pay_transfers WHERE id = $1', [n.outTradeNo])
  if (!head.rows[0]) throw new PaymentError('NOTIFY_UNKNOWN_ORDER', `no transfer ${n.outTradeNo}`)
  return db.transaction(async (q) => {
    const group = await lockGroup(q, head.rows[0].group_id)
    const t = await findTransfer(q, n.outTradeNo, { lock: true })
    if (!group || !t || t.wire !== n.provider) throw new PaymentError('NOTIFY_UNKNOWN_ORDER', `no ${n.provider} transfer ${n.outTradeNo}`)
    if (n.amount !== t.amount) throw new PaymentError('NOTIFY_AMOUNT', `notified amount ${n.amount} differs from the order amount ${t.amount}`)
    if (t.payment_id) return { outcome: 'duplicate', transferId: t.id }
    if (n.status === 'CLOSED') {
      if (t.state === 'paying' || t.state === 'pending') await transition(q, t.id, t.state, 'cancelled', `${n.provider}: order closed`, now)
      return { outcome: 'accepted', transferId: t.id }
    }
    if (n.status !== 'SUCCESS') return { outcome: 'accepted', transferId: t.id }
    if (t.state !== 'paying' && t.state !== 'pending' && t.state !== 'cancelled') return { outcome: 'duplicate', transferId: t.id }

    // The money moved: record it in the ledger as a confirmed payment (recordPayment semantics).
    const paymentId = newId('p')
    const iso = now.toISOString()
    await q.query(
      `INSERT INTO payments (id, group_id, from_member, to_member, amount, method, status, recorded_by, created_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', $3, $7, $7)`,
      [paymentId, t.group_id, t.from_member, t.to_member, t.amount, t.wire, iso]
    )
    await recordChange(
      q,
      group,
      { memberId: null, name: n.provider === 'wechat' ? 'WeChat Pay' : 'Alipay' },
      'payment.paid',
      { transferId: t.id, paymentId, from: t.from_member, to: t.to_member, amount: t.amount, method: t.wire },
      now
    )
    await transition(q, t.id, t.state, 'paid', `${n.provider} notification ${n.notifyId}`, now, { payment_id: paymentId, provider_trade_no: n.providerTradeNo })
    // The payout outbox row, in the same transaction as the paid state.
    await q.query(
      `INSERT INTO pay_payouts (id, transfer_id, wallet, amount, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'queued', 0, $5, $5, $5)`,
      [newOrderNo('P'), t.id, t.payout_wallet, t.amount, iso]
    )
    await transition(q, t.id, 'paid', 'payout_pending', `payout to ${t.payout_wallet} queued`, now)
    return { outcome: 'accepted', transferId: t.id }
  })
}

async function applyPayout(services: AppServices, n: PayoutNotice): Promise<Outcome> {
  const now = services.clock()
  return services.db.transaction(async (q) => {
    const p = await lockPayout(q, n.outBillNo)
    if (!p) throw new PaymentError('NOTIFY_UNKNOWN_ORDER', `no payout ${n.outBillNo}`)
    if (p.wallet !== n.provider) throw new PaymentError('NOTIFY_UNKNOWN_ORDER', `no ${n.provider} payout ${n.outBillNo}`)
    if (Number.isSafeInteger(n.amount) && n.amount !== p.amount) throw new PaymentError('NOTIFY_AMOUNT', `notified amount ${n.amount} differs from the payout amount ${p.amount}`)
    if (p.state === 'succeeded' || p.state === 'failed') return { outcome: 'duplicate', transferId: p.transfer_id }
    await applyPayoutResult(q, p, { state: n.state }, now, `notification ${n.notifyId}`)
    return { outcome: 'accepted', transferId: p.transfer_id }
  })
}

export async function handleNotify(services: AppServices, wire: PayoutWallet, req: RawRequest): Promise<RawReply> {
  const rt = await services.payments.runtime()
  const provider = rt.providers[wire]
  if (!provider) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'payments are not configured' }
  let notice: PaymentNotice | PayoutNotice | undefined
  try {
    notice = provider.parseNotify(req)
    const done = isPayoutNotice(notice) ? await applyPayout(services, notice) : await applyPayment(services, notice)
    await logNotification(services.db, { provider: wire, notifyId: notice.notifyId, transferId: done.transferId, outcome: done.outcome }, services.clock())
    if (done.outcome === 'accepted') services.payments.kick(done.transferId)
    return provider.notifyReply(true)
  } catch (err) {
    const code = err instanceof PaymentError ? err.code : 'NOTIFY_ERROR'
    const message = (err as Error).message
    const ref = notice && (isPayoutNotice(notice) ? notice.outBillNo : notice.outTradeNo)
    console.warn(`[splitpay] ${wire} notification refused: ${code}: ${message}`)
    await logNotification(services.db, { provider: wire, notifyId: notice?.notifyId, transferId: ref ?? null, outcome: 'refused', code, message }, services.clock()).catch(() => {})
    return provider.notifyReply(false, code)
  }
}
