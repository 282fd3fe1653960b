/**
 * The changes people hear about: an expense that involves them added or changed, a payment made to them, their
 * payment confirmed. Each queues a message for everyone concerned but the person who made the change.
 */
import type { ActionContext } from '../actions/types'
import type { GroupRow } from '../ledger/groups'
import { enqueueMessages } from './outbox'
import { pages } from './pages'

type Who = { id: string; name: string }

async function nameOf(ctx: ActionContext, memberId: string): Promise<string> {
  return (await ctx.q.query<{ name: string }>('SELECT name FROM members WHERE id = $1', [memberId])).rows[0]?.name ?? ''
}

/** Everyone with a share in the expense or who paid for it hears of it, with their share. */
export async function expenseChanged(ctx: ActionContext, group: GroupRow, me: Who, description: string, shares: Record<string, number>, paidBy: Record<string, number>): Promise<void> {
  const concerned = [...new Set([...Object.keys(shares), ...Object.keys(paidBy)])].filter((m) => m !== me.id)
  await enqueueMessages(ctx, 'expense', concerned, (memberId) => ({
    groupId: group.id,
    groupName: group.name,
    currency: group.currency,
    amount: shares[memberId] ?? 0,
    subject: description,
    actor: me.name,
    page: pages.group(group.id)
  }))
}

/** The receiver of a payment hears who paid them how much (and is asked to confirm it). */
export async function paymentMade(ctx: ActionContext, group: GroupRow, me: Who, payment: { from: string; to: string; amount: number }): Promise<void> {
  if (payment.to === me.id) return
  const payer = payment.from === me.id ? me.name : await nameOf(ctx, payment.from)
  await enqueueMessages(ctx, 'paid', [payment.to], () => ({
    groupId: group.id,
    groupName: group.name,
    currency: group.currency,
    amount: payment.amount,
    subject: payer,
    actor: me.name,
    page: pages.group(group.id)
  }))
}

/** The payer hears that their payment was confirmed. */
export async function paymentConfirmed(ctx: ActionContext, group: GroupRow, me: Who, payment: { from: string; to: string; amount: number }): Promise<void> {
  if (payment.from === me.id) return
  const receiver = payment.to === me.id ? me.name : await nameOf(ctx, payment.to)
  await enqueueMessages(ctx, 'confirmed', [payment.from], () => ({
    groupId: group.id,
    groupName: group.name,
    currency: group.currency,
    amount: payment.amount,
    subject: receiver,
    actor: me.name,
    page: pages.group(group.id)
  }))
}
