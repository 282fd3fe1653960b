/**
 * Settling up by hand: recordPayment (cash or direct wallet-to-wallet); then, while it waits for the receiver,
 * confirmPayment by the receiver or the organizer, withdrawPayment by its payer, or rejectPayment by the receiver.
 */
import { coreActions as api } from '../../src/api/actions'
import { validatePayment } from '../../src/domain'
import { ApiError, forbidden } from '../errors'
import { changeBalances } from '../ledger/bounds'
import { newId } from '../ledger/ids'
import { byMember, listMembers, recordChange, requireMember, rosterOf } from '../ledger/groups'
import { PAYMENT_COLS, paymentView } from '../ledger/payments'
import type { Queryable } from '../store/db'
import { paymentChanged } from '../messages/events'
import { defineAction } from './types'

/** A payment of the group that still waits for its receiver (NOT_FOUND, or PAYMENT_STATE once it is settled either way). */
async function waitingPayment(q: Queryable, groupId: string, paymentId: string) {
  const res = await q.query<Record<string, unknown>>(`SELECT ${PAYMENT_COLS} FROM payments WHERE group_id = $1 AND id = $2`, [groupId, paymentId])
  if (!res.rows[0]) throw new ApiError('NOT_FOUND', 'No such payment in this group')
  const payment = paymentView(res.rows[0])
  if (payment.status !== 'pending') throw new ApiError('PAYMENT_STATE', `This payment is already ${payment.status}`)
  return payment
}

/** Closes a waiting payment without it ever counting: withdrawn by its payer or rejected by its receiver. */
async function closePayment(q: Queryable, groupId: string, paymentId: string, status: 'withdrawn' | 'rejected', by: string, at: Date, reason: string | null) {
  const res = await q.query<Record<string, unknown>>(
    `UPDATE payments SET status = $3, closed_at = $4, closed_by = $5, reason = $6 WHERE group_id = $1 AND id = $2 RETURNING ${PAYMENT_COLS}`,
    [groupId, paymentId, status, at.toISOString(), by, reason]
  )
  return paymentView(res.rows[0]!)
}

export const settleActions = [
  defineAction('recordPayment', api.recordPayment, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const members = await listMembers(ctx.q, group.id)
    const id = newId('p')
    const roster = rosterOf(members)
    const asPayment = validatePayment({ id, from: input.from, to: input.to, amount: input.amount }, roster.ids, group.currency)
    const from = members.find((m) => m.id === input.from)!
    const to = members.find((m) => m.id === input.to)!
    // Either side records it; for a placeholder (who cannot sign in) any member may record on their behalf.
    if (me.id !== from.id && me.id !== to.id && from.user_id !== null && to.user_id !== null) {
      throw forbidden('Only the payer or the receiver can record this payment')
    }
    // Recorded by the receiver (or for a placeholder receiver) it is confirmed at once.
    const confirmed = me.id === to.id || to.user_id === null
    await changeBalances(ctx, group, roster, { payments: confirmed ? [asPayment] : [] })
    const now = ctx.now.toISOString()
    const res = await ctx.q.query<Record<string, unknown>>(
      `INSERT INTO payments (id, group_id, from_member, to_member, amount, method, status, recorded_by, created_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${PAYMENT_COLS}`,
      [id, group.id, from.id, to.id, input.amount, input.method, confirmed ? 'confirmed' : 'pending', me.id, now, confirmed ? now : null]
    )
    const payment = paymentView(res.rows[0])
    const version = await recordChange(
      ctx.q,
      group,
      byMember(me),
      'payment.record',
      { paymentId: id, from: from.id, to: to.id, amount: input.amount, method: input.method, status: payment.status },
      ctx.now
    )
    // the receiver hears of a payment to confirm; the payer, of one its receiver recorded (confirmed at once)
    await paymentChanged(ctx, group, me, payment, payment.status === 'confirmed' ? 'confirmed' : 'paid')
    return { payment, version }
  }),

  defineAction('confirmPayment', api.confirmPayment, { mutation: true }, async (ctx, input) => {
    const { group, me, roster } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true, roster: true })
    const payment = await waitingPayment(ctx.q, group.id, input.paymentId)
    // The receiver confirms; the organizer may confirm on the receiver's behalf (e.g. cash handed over in person),
    // but not a payment they sent themselves: the payer never confirms their own payment.
    const asPayee = me.id === payment.to
    if (!asPayee && me.role !== 'organizer') throw forbidden('Only the receiver or the group organizer can confirm a payment')
    if (!asPayee && me.id === payment.from) throw forbidden('The receiver confirms a payment you sent')
    await changeBalances(ctx, group, roster, { payments: [{ id: payment.id, from: payment.from, to: payment.to, amount: payment.amount }] })
    const now = ctx.now.toISOString()
    const upd = await ctx.q.query<Record<string, unknown>>(
      `UPDATE payments SET status = 'confirmed', confirmed_at = $3, confirmed_by = $4 WHERE group_id = $1 AND id = $2 RETURNING ${PAYMENT_COLS}`,
      [group.id, payment.id, now, me.id]
    )
    const version = await recordChange(
      ctx.q,
      group,
      byMember(me),
      'payment.confirm',
      {
        paymentId: payment.id,
        from: payment.from,
        to: payment.to,
        amount: payment.amount,
        confirmedBy: me.id,
        confirmedAs: asPayee ? 'payee' : 'organizer'
      },
      ctx.now
    )
    await paymentChanged(ctx, group, me, payment, 'confirmed')
    return { payment: paymentView(upd.rows[0]), version }
  })
,

  defineAction('withdrawPayment', api.withdrawPayment, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const waiting = await waitingPayment(ctx.q, group.id, input.paymentId)
    if (me.id !== waiting.from && me.id !== waiting.recordedBy) throw forbidden('Only the payer can withdraw this payment')
    const payment = await closePayment(ctx.q, group.id, waiting.id, 'withdrawn', me.id, ctx.now, null)
    const data = { paymentId: payment.id, from: payment.from, to: payment.to, amount: payment.amount, method: payment.method }
    const version = await recordChange(ctx.q, group, byMember(me), 'payment.withdraw', data, ctx.now)
    return { payment, version }
  }),

  defineAction('rejectPayment', api.rejectPayment, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const waiting = await waitingPayment(ctx.q, group.id, input.paymentId)
    if (me.id !== waiting.to) throw forbidden('Only the receiver can say a payment did not arrive')
    const payment = await closePayment(ctx.q, group.id, waiting.id, 'rejected', me.id, ctx.now, input.reason)
    const data = { paymentId: payment.id, from: payment.from, to: payment.to, amount: payment.amount, method: payment.method, reason: input.reason }
    const version = await recordChange(ctx.q, group, byMember(me), 'payment.reject', data, ctx.now)
    return { payment, version }
  })
]
