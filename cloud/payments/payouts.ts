/**
 * The payout outbox: rows written in the same transaction as the paid state, sent to the payee's wallet,
 * retried with exponential backoff, never duplicated (the row id is the provider's out_bill_no / out_biz_no,
 * and a row is claimed with a lease before it is sent).
 */
import type { AppServices } from '../actions/types'
import { lockGroup, recordChange } from '../ledger/groups'
import type { Queryable } from '../store/db'
import { PaymentError } from './errors'
import { walletIdentity } from './identity'
import { findTransfer, payoutRow, transition, type PayoutRow } from './store'
import type { PayoutResult } from './types'

export const MAX_PAYOUT_ATTEMPTS = 8
const LEASE_MS = 60_000
/** How often a transfer waiting for the payee (or processing at the provider) is polled. */
const POLL_MS = 10 * 60_000

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}

const DUE_STATES = "('queued', 'sending', 'processing', 'wait_user_confirm')"

/**
 * Locks a payout with its group and transfer, always in the order group -> transfer -> payout (the order every
 * payment transaction uses), so concurrent notifications and payout workers cannot deadlock.
 */
export async function lockPayout(q: Queryable, payoutId: string): Promise<PayoutRow | null> {
  const head = await q.query<{ group_id: string; transfer_id: string }>(
    'SELECT t.group_id, t.id AS transfer_id FROM pay_payouts p JOIN pay_transfers t ON t.id = p.transfer_id WHERE p.id = $1',
    [payoutId]
  )
  if (!head.rows[0]) return null
  await lockGroup(q, head.rows[0].group_id)
  await findTransfer(q, head.rows[0].transfer_id, { lock: true })
  const res = await q.query<Record<string, unknown>>(
    'SELECT id, transfer_id, wallet, amount, state, attempts, next_attempt_at, provider_ref, confirm, last_error FROM pay_payouts WHERE id = $1 FOR UPDATE',
    [payoutId]
  )
  return res.rows[0] ? payoutRow(res.rows[0]) : null
}

/** Applies a provider answer to a payout row (and its transfer) inside transaction q; lock it with lockPayout first. */
export async function applyPayoutResult(q: Queryable, p: PayoutRow, r: PayoutResult, now: Date, via: string): Promise<void> {
  const iso = now.toISOString()
  const t = await findTransfer(q, p.transfer_id, { lock: true })
  if (!t) return
  const finish = async (payoutState: 'succeeded' | 'failed', to: 'settled' | 'failed', reason: string) => {
    await q.query('UPDATE pay_payouts SET state = $2, provider_ref = COALESCE($3, provider_ref), last_error = $4, confirm = NULL, updated_at = $5 WHERE id = $1', [
      p.id,
      payoutState,
      r.providerRef ?? null,
      payoutState === 'failed' ? reason : null,
      iso
    ])
    if (t.state === 'payout_pending') await transition(q, t.id, 'payout_pending', to, reason, now)
    const group = await lockGroup(q, t.group_id)
    if (group) {
      await recordChange(q, group, { memberId: null, name: p.wallet === 'wechat' ? 'WeChat Pay' : 'Alipay' }, 'payout.update', { transferId: t.id, payoutId: p.id, state: payoutState, amount: p.amount, to: t.to_member }, now)
    }
  }
  switch (r.state) {
    case 'SUCCESS':
      return finish('succeeded', 'settled', `payout succeeded (${via})`)
    case 'FAIL':
    case 'CANCELLED':
      return finish('failed', 'failed', `payout ${r.state.toLowerCase()}${r.failReason ? `: ${r.failReason}` : ''} (${via})`)
    case 'WAIT_USER_CONFIRM':
      await q.query("UPDATE pay_payouts SET state = 'wait_user_confirm', provider_ref = COALESCE($2, provider_ref), confirm = COALESCE($3::jsonb, confirm), next_attempt_at = $4, updated_at = $5 WHERE id = $1", [
        p.id,
        r.providerRef ?? null,
        r.confirm ? JSON.stringify({ ...r.confirm, outBillNo: p.id }) : null,
        new Date(now.getTime() + POLL_MS).toISOString(),
        iso
      ])
      return
    default:
      await q.query("UPDATE pay_payouts SET state = 'processing', provider_ref = COALESCE($2, provider_ref), next_attempt_at = $3, updated_at = $4 WHERE id = $1", [
        p.id,
        r.providerRef ?? null,
        new Date(now.getTime() + backoffMs(p.attempts)).toISOString(),
        iso
      ])
  }
}

/** Sends (or polls) one due payout. Returns false when another worker holds it or it is not due. */
export async function sendPayout(services: AppServices, payoutId: string): Promise<boolean> {
  const { db } = services
  const rt = await services.payments.runtime()
  const now = services.clock()
  const claimed = await db.query<Record<string, unknown>>(
    `UPDATE pay_payouts p SET state = CASE WHEN p.state IN ('processing', 'wait_user_confirm') THEN p.state ELSE 'sending' END,
        attempts = p.attempts + 1, next_attempt_at = $3, updated_at = $2
     FROM (SELECT id, state AS before FROM pay_payouts WHERE id = $1) b
     WHERE p.id = b.id AND p.state IN ${DUE_STATES} AND p.next_attempt_at <= $2
     RETURNING p.id, p.transfer_id, p.wallet, p.amount, p.state, p.attempts, p.next_attempt_at, p.provider_ref, p.confirm, p.last_error, b.before`,
    [payoutId, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()]
  )
  if (!claimed.rows[0]) return false
  const before = claimed.rows[0].before as string
  const p = payoutRow(claimed.rows[0])
  const provider = rt.providers[p.wallet]
  let result: PayoutResult | undefined
  let error: string | undefined
  try {
    if (!provider) throw new PaymentError('PAYMENTS_DISABLED', `${p.wallet} payouts are not configured`)
    if (before === 'processing' || before === 'wait_user_confirm') {
      result = await provider.queryPayout(p.id)
    } else {
      const t = await findTransfer(db, p.transfer_id)
      const payee = await db.query<{ id: string; provider: string; subject: string }>(
        'SELECT u.id, u.provider, u.subject FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1',
        [t!.to_member]
      )
      const identity = payee.rows[0] && walletIdentity(payee.rows[0], p.wallet, rt.mode === 'sandbox')
      if (!identity) throw new PaymentError('PAYMENT_PAYER_IDENTITY', 'the payee has no identity at this wallet')
      result = await provider.payout({ outBillNo: p.id, amount: p.amount, payee: identity, remark: 'SplitPay settle-up', notifyUrl: `${rt.publicUrl}/notify/${p.wallet}` })
    }
  } catch (err) {
    error = (err as Error).message
  }
  const after = services.clock()
  await db.transaction(async (q) => {
    const row = await lockPayout(q, p.id)
    if (!row) return
    if (row.state === 'succeeded' || row.state === 'failed') return // a notification finished it meanwhile
    if (result) return applyPayoutResult(q, row, result, after, before === 'processing' || before === 'wait_user_confirm' ? 'query' : 'transfer')
    if (row.attempts >= MAX_PAYOUT_ATTEMPTS) {
      return applyPayoutResult(q, row, { state: 'FAIL', failReason: `gave up after ${row.attempts} attempts: ${error}` }, after, 'outbox')
    }
    const back = before === 'wait_user_confirm' ? 'wait_user_confirm' : before === 'processing' ? 'processing' : 'queued'
    await q.query('UPDATE pay_payouts SET state = $2, last_error = $3, next_attempt_at = $4, updated_at = $5 WHERE id = $1', [
      p.id,
      back,
      (error ?? '').slice(0, 500),
      new Date(after.getTime() + backoffMs(row.attempts)).toISOString(),
      after.toISOString()
    ])
  })
  return true
}

/** Sends every due payout (optionally only one transfer's). */
export async function processDuePayouts(services: AppServices, transferId?: string): Promise<number> {
  const now = services.clock().toISOString()
  const due = await services.db.query<{ id: string }>(
    `SELECT id FROM pay_payouts WHERE state IN ${DUE_STATES} AND next_attempt_at <= $1 ${transferId ? 'AND transfer_id = $2' : ''} ORDER BY next_attempt_at LIMIT 50`,
    transferId ? [now, transferId] : [now]
  )
  let n = 0
  for (const r of due.rows) if (await sendPayout(services, r.id)) n++
  return n
}
