/** Paying a suggested transfer with a wallet: payOptions, createPaymentOrder, getTransfers, getTransfer, confirmPayout. */
import { paymentActions as api } from '../../src/api/payments'
import { ApiError, notConfigured } from '../errors'
import type { NotPayable } from '../../src/api/payments'
import { listMembers, requireMember } from '../ledger/groups'
import { findUsers } from '../ledger/users'
import { groupPayable, payeeWallet, payerRoute } from '../payments/payability'
import { toApiError } from '../payments/api-error'
import { createPaymentOrder } from '../payments/orders'
import { applyPayoutResult } from '../payments/payouts'
import { findPayout, findTransfer, transferViews } from '../payments/store'
import { defineAction, staged } from './types'

export const paymentActionList = [
  defineAction('payOptions', api.payOptions, {}, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const rt = await ctx.payments.runtime()
    const route = payerRoute(rt, ctx.user)
    const whole = groupPayable(rt, group.currency) ?? (route.ok ? null : route.code)
    const members = (await listMembers(ctx.q, group.id)).filter((m) => m.id !== me.id)
    const users = whole ? new Map() : await findUsers(ctx.q, members.flatMap((m) => (m.user_id ? [m.user_id] : [])))
    const payees: Record<string, NotPayable | null> = {}
    for (const m of members) payees[m.id] = whole ?? (payeeWallet(rt, (m.user_id && users.get(m.user_id)) || null) ? null : 'PAYMENT_WALLET')
    return { payees }
  }),

  defineAction('createPaymentOrder', api.createPaymentOrder, { mutation: true }, createPaymentOrder),

  defineAction('getTransfers', api.getTransfers, {}, async (ctx, input) => {
    const { me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    ctx.payments.kick()
    return { items: await transferViews(ctx.q, input.groupId, me.id) }
  }),

  defineAction('getTransfer', api.getTransfer, {}, async (ctx, input) => {
    const { me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const [transfer] = await transferViews(ctx.q, input.groupId, me.id, input.transferId)
    if (!transfer) throw new ApiError('NOT_FOUND', 'No such transfer in this group')
    ctx.payments.kick(transfer.id)
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
    if (p.state === 'succeeded' || p.state === 'failed') {
      const [transfer] = await transferViews(ctx.q, input.groupId, me.id, t.id)
      return { transfer }
    }
    const provider = (await ctx.payments.runtime()).providers[p.wallet]
    if (!provider) throw notConfigured('PAYMENTS_DISABLED', 'Payouts are not available on this server', `no ${p.wallet} merchant configured for payouts`)
    // The provider is asked after this transaction, without the group's lock; its answer is applied in another.
    return staged(
      () => provider.queryPayout(p.id),
      async (q, outcome) => {
        await requireMember(q, input.groupId, ctx.user.id, { lock: true })
        await findTransfer(q, t.id, { lock: true })
        const current = await findPayout(q, t.id, { lock: true })
        if (current && current.state !== 'succeeded' && current.state !== 'failed') {
          if (outcome.ok) await applyPayoutResult(q, current, outcome.value as Parameters<typeof applyPayoutResult>[2], ctx.now, 'payee confirmed')
          // Not at the provider yet (still queued): send it now instead.
          else if (current.state === 'queued') ctx.payments.kick(t.id)
          else throw toApiError(outcome.error)
        }
        const [transfer] = await transferViews(q, input.groupId, me.id, t.id)
        return { transfer }
      }
    )
  })
]
