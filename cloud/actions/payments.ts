/** Paying a suggested transfer with a wallet: createPaymentOrder, getTransfers, getTransfer, confirmPayout. */
import { paymentSchemas as api } from '../../src/api/payments'
import { ApiError, notConfigured } from '../errors'
import { requireMember } from '../ledger/groups'
import { toApiError } from '../payments/api-error'
import { createPaymentOrder } from '../payments/orders'
import { applyPayoutResult, kickPayouts } from '../payments/payouts'
import { paymentsRuntime } from '../payments/runtime'
import { findPayout, findTransfer, transferViews } from '../payments/store'
import { defineAction } from './types'

export const paymentActionList = [
  defineAction('createPaymentOrder', api.createPaymentOrder, { mutation: true }, createPaymentOrder),

  defineAction('getTransfers', api.getTransfers, {}, async (ctx, input) => {
    const { me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    kickPayouts(ctx)
    return { items: await transferViews(ctx.q, input.groupId, me.id) }
  }),

  defineAction('getTransfer', api.getTransfer, {}, async (ctx, input) => {
    const { me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const [transfer] = await transferViews(ctx.q, input.groupId, me.id, input.transferId)
    if (!transfer) throw new ApiError('NOT_FOUND', 'No such transfer in this group')
    kickPayouts(ctx, transfer.id)
    return { transfer }
  }),

  /** The payee, after confirming the transfer in their wallet, asks the provider for the payout's state. */
  defineAction('confirmPayout', api.confirmPayout, { mutation: true }, async (ctx, input) => {
    // lock order: group -> transfer -> payout, like every payment transaction
    const { me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const t = await findTransfer(ctx.q, input.transferId, { lock: true })
    if (!t || t.group_id !== input.groupId) throw new ApiError('NOT_FOUND', 'No such transfer in this group')
    if (t.to_member !== me.id) throw new ApiError('FORBIDDEN', 'Only the payee confirms a payout')
    const p = await findPayout(ctx.q, t.id, { lock: true })
    if (!p) throw new ApiError('PAYMENT_STATE', 'This transfer has no payout yet')
    if (p.state !== 'succeeded' && p.state !== 'failed') {
      const provider = paymentsRuntime(ctx).providers[p.wallet]
      if (!provider) throw notConfigured('PAYMENTS_DISABLED', 'Payouts are not available on this server', `no ${p.wallet} merchant configured for payouts`)
      let result
      try {
        result = await provider.queryPayout(p.id)
      } catch (err) {
        // Not at the provider yet (still queued): send it now instead.
        if (p.state === 'queued') kickPayouts(ctx, t.id)
        else throw toApiError(err)
      }
      if (result) await applyPayoutResult(ctx.q, p, result, ctx.now, 'payee confirmed')
    }
    const [transfer] = await transferViews(ctx.q, input.groupId, me.id, t.id)
    return { transfer }
  })
]
