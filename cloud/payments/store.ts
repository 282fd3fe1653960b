/** SQL of the payment tables (migration 002_payments.sql): transfers, their transitions, the payout outbox, the notify log. */
import type { PayoutView, TransferState, TransferView } from '../../src/api/payments'
import type { Queryable } from '../store/db'
import { fromJson, toInt, toIso, toIsoOrNull } from '../store/convert'

export interface TransferRow {
  id: string
  group_id: string
  from_member: string
  to_member: string
  amount: number
  currency: string
  channel: 'wechat' | 'alipay' | 'sandbox'
  wire: 'wechat' | 'alipay'
  payout_wallet: 'wechat' | 'alipay'
  state: TransferState
  pay_params: unknown
  payment_id: string | null
  created_by: string
}

export interface PayoutRow {
  id: string
  transfer_id: string
  wallet: 'wechat' | 'alipay'
  amount: number
  state: PayoutView['state']
  attempts: number
  next_attempt_at: string | null
  provider_ref: string | null
  confirm: PayoutView['confirm']
  last_error: string | null
}

const T_COLS = 'id, group_id, from_member, to_member, amount, currency, channel, wire, payout_wallet, state, pay_params, payment_id, created_by, created_at, updated_at'
const P_COLS = 'id, transfer_id, wallet, amount, state, attempts, next_attempt_at, provider_ref, confirm, last_error'

function transferRow(r: Record<string, unknown>): TransferRow & { created_at: string; updated_at: string } {
  return {
    ...(r as unknown as TransferRow),
    amount: toInt(r.amount),
    pay_params: r.pay_params === null ? null : fromJson(r.pay_params),
    created_at: toIso(r.created_at),
    updated_at: toIso(r.updated_at)
  }
}

export function payoutRow(r: Record<string, unknown>): PayoutRow {
  return {
    ...(r as unknown as PayoutRow),
    amount: toInt(r.amount),
    attempts: toInt(r.attempts),
    next_attempt_at: toIsoOrNull(r.next_attempt_at),
    confirm: r.confirm === null || r.confirm === undefined ? null : fromJson(r.confirm)
  }
}

export async function findTransfer(q: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const res = await q.query<Record<string, unknown>>(`SELECT ${T_COLS} FROM pay_transfers WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id])
  return res.rows[0] ? transferRow(res.rows[0]) : null
}

export async function insertTransfer(q: Queryable, t: Omit<TransferRow, 'state' | 'pay_params' | 'payment_id'>, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO pay_transfers (id, group_id, from_member, to_member, amount, currency, channel, wire, payout_wallet, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11, $11)`,
    [t.id, t.group_id, t.from_member, t.to_member, t.amount, t.currency, t.channel, t.wire, t.payout_wallet, t.created_by, now.toISOString()]
  )
  await q.query('INSERT INTO pay_transitions (transfer_id, from_state, to_state, reason, at) VALUES ($1, NULL, $2, $3, $4)', [t.id, 'pending', 'order requested', now.toISOString()])
}

/** Moves a transfer to `to` and records the transition; `from` guards against a concurrent change. */
export async function transition(q: Queryable, id: string, from: TransferState, to: TransferState, reason: string, now: Date, set: { pay_params?: unknown; provider_trade_no?: string; payment_id?: string } = {}): Promise<void> {
  const res = await q.query(
    `UPDATE pay_transfers SET state = $3, updated_at = $4,
       pay_params = COALESCE($5::jsonb, pay_params), provider_trade_no = COALESCE($6, provider_trade_no), payment_id = COALESCE($7, payment_id)
     WHERE id = $1 AND state = $2`,
    [id, from, to, now.toISOString(), set.pay_params === undefined ? null : JSON.stringify(set.pay_params), set.provider_trade_no ?? null, set.payment_id ?? null]
  )
  if (res.rowCount !== 1) throw new Error(`transfer ${id} is not in state ${from}`)
  await q.query('INSERT INTO pay_transitions (transfer_id, from_state, to_state, reason, at) VALUES ($1, $2, $3, $4, $5)', [id, from, to, reason, now.toISOString()])
}

/**
 * Logs a notification: accepted and duplicate ones one row each (they name a real order), refused ones as a count
 * per provider, code and day (anyone can post a refused one; a flood adds nothing but a number).
 */
export async function logNotification(
  q: Queryable,
  entry: { provider: string; notifyId?: string | null; transferId?: string | null; outcome: 'accepted' | 'duplicate' | 'refused'; code?: string | null; message?: string | null },
  now: Date
): Promise<void> {
  const message = (entry.message ?? '').slice(0, 500) || null
  if (entry.outcome === 'refused') {
    await q.query(
      `INSERT INTO pay_notify_refusals (provider, code, day, count, last_at, last_message) VALUES ($1, $2, $3, 1, $4, $5)
       ON CONFLICT (provider, code, day) DO UPDATE SET count = pay_notify_refusals.count + 1, last_at = EXCLUDED.last_at, last_message = EXCLUDED.last_message`,
      [entry.provider, entry.code ?? 'NOTIFY_ERROR', now.toISOString().slice(0, 10), now.toISOString(), message]
    )
    return
  }
  await q.query('INSERT INTO pay_notifications (provider, notify_id, transfer_id, outcome, code, message, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    entry.provider,
    entry.notifyId ?? null,
    entry.transferId ?? null,
    entry.outcome,
    entry.code ?? null,
    message,
    now.toISOString()
  ])
}

export async function findPayout(q: Queryable, transferId: string, opts: { lock?: boolean } = {}): Promise<PayoutRow | null> {
  const res = await q.query<Record<string, unknown>>(`SELECT ${P_COLS} FROM pay_payouts WHERE transfer_id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [transferId])
  return res.rows[0] ? payoutRow(res.rows[0]) : null
}

export function payoutView(p: PayoutRow, forPayee: boolean): PayoutView {
  return {
    id: p.id,
    wallet: p.wallet,
    state: p.state,
    attempts: p.attempts,
    nextAttemptAt: p.state === 'queued' || p.state === 'sending' || p.state === 'processing' ? p.next_attempt_at : null,
    lastError: p.last_error,
    confirm: forPayee && p.state === 'wait_user_confirm' ? p.confirm : null
  }
}

/** Transfers of a group (or one), with their history and payout, as the members see them. */
export async function transferViews(q: Queryable, groupId: string, meId: string, transferId?: string): Promise<TransferView[]> {
  const res = await q.query<Record<string, unknown>>(
    `SELECT ${T_COLS} FROM pay_transfers WHERE group_id = $1 ${transferId ? 'AND id = $2' : ''} ORDER BY created_at DESC, id`,
    transferId ? [groupId, transferId] : [groupId]
  )
  const rows = res.rows.map(transferRow)
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const hist = await q.query<Record<string, unknown>>('SELECT transfer_id, from_state, to_state, reason, at FROM pay_transitions WHERE transfer_id = ANY($1::text[]) ORDER BY seq', [ids])
  const pays = await q.query<Record<string, unknown>>(`SELECT ${P_COLS} FROM pay_payouts WHERE transfer_id = ANY($1::text[])`, [ids])
  const payouts = new Map(pays.rows.map((r) => [r.transfer_id as string, payoutRow(r)]))
  return rows.map((t) => ({
    id: t.id,
    groupId: t.group_id,
    from: t.from_member,
    to: t.to_member,
    amount: t.amount,
    currency: t.currency,
    channel: t.channel,
    wire: t.wire,
    state: t.state,
    paymentId: t.payment_id,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    history: hist.rows
      .filter((h) => h.transfer_id === t.id)
      .map((h) => ({ from: (h.from_state as TransferState | null) ?? null, to: h.to_state as TransferState, reason: h.reason as string, at: toIso(h.at) })),
    payout: payouts.has(t.id) ? payoutView(payouts.get(t.id)!, t.to_member === meId) : null
  }))
}
