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

/**
 * The other side of a payment hears of it: its receiver that it was made (`paid`, to confirm it), its payer that it
 * was confirmed (`confirmed`); each with the name of the one on the other end.
 */
export async function paymentChanged(ctx: ActionContext, group: GroupRow, me: Who, payment: { from: string; to: string; amount: number }, kind: 'paid' | 'confirmed'): Promise<void> {
  const [reader, other] = kind === 'paid' ? [payment.to, payment.from] : [payment.from, payment.to]
  if (reader === me.id) return
  const subject = other === me.id ? me.name : await nameOf(ctx, other)
  await enqueueMessages(ctx, kind, [reader], () => ({
    groupId: group.id,
    groupName: group.name,
    currency: group.currency,
    amount: payment.amount,
    subject,
    actor: me.name,
    page: pages.group(group.id)
  }))
}
