/**
 * createPaymentOrder: the payer pays one suggested transfer of the plan with their wallet. The amount comes
 * from the settlement the function computes, never from the client.
 */
import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { paymentActions, PayParams } from '../../src/api/payments'
import { staged, type ActionContext, type Staged } from '../actions/types'
import { ApiError, forbidden, notConfigured } from '../errors'
import { listMembers, lockGroup, recordChange, requireMember } from '../ledger/groups'
import { buildGroupView } from '../ledger/state'
import { findUser, type UserRow } from '../ledger/users'
import { toApiError } from './api-error'
import { groupPayable, payeeWallet, payerRoute } from './payability'
import { findTransfer, insertTransfer, transferViews, transition } from './store'
import type { PayoutWallet } from './types'

/** out_trade_no / out_bill_no: letters and digits only (both providers accept them), 28 characters. */
export function newOrderNo(prefix: 'T' | 'P'): string {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${randomBytes(12).toString('hex').toUpperCase()}`.slice(0, 32)
}

export async function createPaymentOrder(
  ctx: ActionContext & { user: UserRow },
  input: z.output<(typeof paymentActions)['createPaymentOrder']['input']>
): Promise<Staged<z.input<(typeof paymentActions)['createPaymentOrder']['output']>>> {
  const rt = await ctx.payments.runtime()
  if (rt.mode === 'off') {
    throw notConfigured('PAYMENTS_DISABLED', 'In-app payment is not available on this server; pay directly (QR code) or in cash', rt.problems.join('; ') || 'no merchant configured')
  }
  const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
  if (me.id !== input.from) throw forbidden('Only the payer can pay this transfer')
  if (groupPayable(rt, group.currency) === 'PAYMENT_CURRENCY') throw new ApiError('PAYMENT_CURRENCY', `In-app payment is in CNY only; this group uses ${group.currency}`)

  const view = await buildGroupView(ctx.q, ctx.cache, group, me.id)
  const suggestion = view.plan.find((p) => p.from === input.from && p.to === input.to)
  if (!suggestion || suggestion.state !== 'open') {
    throw new ApiError('PAYMENT_NO_TRANSFER', 'There is no open suggested transfer between these members; reload the group')
  }

  const members = await listMembers(ctx.q, group.id)
  const payee = members.find((m) => m.id === input.to)!
  const payeeUser = payee.user_id ? await findUser(ctx.q, payee.user_id) : null
  const payoutWallet = payeeWallet(rt, payeeUser)
  if (!payoutWallet) {
    throw new ApiError('PAYMENT_WALLET', `${payee.name} cannot receive in-app payouts (no WeChat Pay or Alipay wallet here); pay directly or in cash`)
  }
  const route = payerRoute(rt, ctx.user, input.channel)
  if (!route.ok) {
    if (route.server) throw notConfigured('PAYMENT_WALLET', route.message, 'no merchant configured for this wallet')
    throw new ApiError(route.code, route.message)
  }
  const { channel, wire, identity: payer } = route
  const provider = rt.providers[wire]!

  // A previous open order for this pair is replaced (its amount may be stale); it is closed at its provider after
  // this transaction, so it cannot be paid as well. If closing fails (e.g. it was just paid), its notification
  // still settles it.
  const open = await ctx.q.query<{ id: string; state: 'pending' | 'paying'; wire: PayoutWallet }>(
    `SELECT id, state, wire FROM pay_transfers WHERE group_id = $1 AND from_member = $2 AND to_member = $3 AND state IN ('pending', 'paying') FOR UPDATE`,
    [group.id, input.from, input.to]
  )
  for (const o of open.rows) await transition(ctx.q, o.id, o.state, 'cancelled', 'replaced by a new order', ctx.now)

  const id = newOrderNo('T')
  const amount = suggestion.amount
  await insertTransfer(
    ctx.q,
    { id, group_id: group.id, from_member: input.from, to_member: input.to, amount, currency: 'CNY', channel, wire, payout_wallet: payoutWallet, created_by: ctx.user.id },
    ctx.now
  )
  const description = `${group.name}: ${me.name} → ${payee.name}`.slice(0, 100)
  // The provider is called after the claim commits: a slow provider never holds the group's lock.
  return staged(
    async () => {
      const closed: string[] = []
      for (const o of open.rows) {
        const ok = await rt.providers[o.wire]?.closeOrder(o.id).then(
          () => true,
          () => false
        )
        if (ok) closed.push(o.id)
      }
      const params = await provider.createOrder({ outTradeNo: id, amount, currency: 'CNY', description, payer, notifyUrl: `${rt.publicUrl}/notify/${wire}` })
      return { closed, params }
    },
    async (q, outcome) => {
      if (!outcome.ok) throw toApiError(outcome.error)
      const { closed, params } = outcome.value as { closed: string[]; params: PayParams }
      // the replaced orders' history says whether their provider closed them
      for (const old of closed) {
        await q.query("UPDATE pay_transitions SET reason = reason || ' (closed)' WHERE transfer_id = $1 AND to_state = 'cancelled'", [old])
      }
      const locked = await lockGroup(q, group.id)
      const t = await findTransfer(q, id, { lock: true })
      if (!locked || !t || t.state !== 'pending') throw new ApiError('PAYMENT_NO_TRANSFER', 'This order was replaced while it was being made; reload the group')
      const pay: PayParams = channel === 'sandbox' ? { kind: 'sandbox', orderId: id, wire, payUrl: `${rt.publicUrl}/sandbox/pay?order=${id}` } : params
      await transition(q, id, 'pending', 'paying', `${wire} order created`, ctx.now, { pay_params: pay })
      await recordChange(q, locked, { memberId: me.id, name: me.name }, 'payment.order', { transferId: id, from: input.from, to: input.to, amount, wallet: wire }, ctx.now)
      const [transfer] = await transferViews(q, group.id, me.id, id)
      return { transfer, pay }
    }
  )
}
