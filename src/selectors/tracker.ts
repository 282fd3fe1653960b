/**
 * The payments of a group under its plan: payments recorded and awaiting the receiver (pendingPayments) and payments
 * confirmed (from the group's activity). The transfers still owed are the plan itself, shown once, above it.
 */
import type { ActivityView, GroupView } from '@/api/views'

/** One payment in the list under the plan: recorded and waiting on its receiver ('paid'), or confirmed. */
export interface TrackerEntry {
  key: string
  from: string
  to: string
  amount: number
  status: 'paid' | 'confirmed'
  /** The recorded payment waiting on its receiver (status 'paid'). */
  paymentId?: string
}

export interface ConfirmedPayment {
  id: string
  from: string
  to: string
  amount: number
}

/** Confirmed payments named in activity items (a receiver's confirmation, or a payment the receiver recorded). */
export function confirmedFromActivity(items: ActivityView[]): ConfirmedPayment[] {
  const out: ConfirmedPayment[] = []
  const seen = new Set<string>()
  for (const a of items) {
    const d = a.data as { paymentId?: string; from?: string; to?: string; amount?: number; status?: string }
    const isConfirmed = a.kind === 'payment.confirm' || (a.kind === 'payment.record' && d.status === 'confirmed')
    if (!isConfirmed || !d.paymentId || seen.has(d.paymentId) || !d.from || !d.to || typeof d.amount !== 'number') continue
    seen.add(d.paymentId)
    out.push({ id: d.paymentId, from: d.from, to: d.to, amount: d.amount })
  }
  return out
}

export function trackerEntries(group: GroupView, confirmed: ConfirmedPayment[]): TrackerEntry[] {
  const entries: TrackerEntry[] = []
  for (const p of group.pendingPayments) {
    entries.push({ key: `pending:${p.id}`, from: p.from, to: p.to, amount: p.amount, status: 'paid', paymentId: p.id })
  }
  for (const c of confirmed) entries.push({ key: `confirmed:${c.id}`, from: c.from, to: c.to, amount: c.amount, status: 'confirmed' })
  return entries
}

/** True when `memberId` is the group's organizer (GroupView.members[].role). */
export function isOrganizer(group: GroupView, memberId: string): boolean {
  return group.members.some((m) => m.id === memberId && m.role === 'organizer')
}

/**
 * What a person sees in the tracker: the organizer sees everyone's state; a member sees the transfers and
 * payments they are part of.
 */
export function visibleEntries(entries: TrackerEntry[], me: string, organizer: boolean): TrackerEntry[] {
  return organizer ? entries : entries.filter((e) => e.from === me || e.to === me)
}

/**
 * Who may confirm a payment that waits on its receiver (the function's rule for confirmPayment): the receiver,
 * or the organizer on the receiver's behalf (cash handed over in person). The payer never confirms their own
 * payment. 'payee' and 'organizer' say in which role; null when this person may not.
 */
export function confirmRole(entry: TrackerEntry, me: string, organizer: boolean): 'payee' | 'organizer' | null {
  return entry.status === 'paid' && entry.paymentId ? confirmerRole(entry, me, organizer) : null
}

/** The rule of confirmRole for a payment waiting on its receiver, from `from` to `to`. */
function confirmerRole(payment: { from: string; to: string }, me: string, organizer: boolean): 'payee' | 'organizer' | null {
  if (payment.from === me) return null
  if (payment.to === me) return 'payee'
  return organizer ? 'organizer' : null
}

/**
 * What a person can do on one line of the plan (one list for the whole settlement):
 * - `pay`: the transfer is mine to pay (the settle page pays it or records it);
 * - `remind`: it is owed to me (or, for the organizer, owed to anyone): send the payer a reminder;
 * - `confirm` / `confirmCash`: the payer says they paid (a payment waits on its receiver): the receiver confirms,
 *   or the organizer on their behalf (cash); `syncing` while that confirmation waits in the offline queue.
 */
export type PlanAction = { kind: 'pay' | 'remind' } | { kind: 'confirm' | 'confirmCash' | 'syncing'; paymentId: string }

type PlanItem = GroupView['plan'][number]

/** The payment a pending plan line stands for: the first one its payer recorded to its receiver. */
const paymentOf = (line: PlanItem, group: GroupView) =>
  line.state === 'pending' ? group.pendingPayments.find((p) => p.from === line.from && p.to === line.to) : undefined

export function planAction(line: PlanItem, group: GroupView, organizer: boolean, confirming: ReadonlySet<string>): PlanAction | null {
  const me = group.me
  if (line.state === 'pending') {
    const payment = paymentOf(line, group)
    if (!payment) return null
    const role = confirmerRole(payment, me, organizer)
    if (!role) return null
    if (confirming.has(payment.id)) return { kind: 'syncing', paymentId: payment.id }
    return { kind: role === 'payee' ? 'confirm' : 'confirmCash', paymentId: payment.id }
  }
  if (line.from === me) return { kind: 'pay' }
  if (line.to === me || organizer) return { kind: 'remind' }
  return null
}

/**
 * The payments list under the plan: everything except the payment a pending plan line already shows (with its
 * confirm action), so that no transfer is listed twice.
 */
export function entriesBesidePlan(entries: TrackerEntry[], group: GroupView): TrackerEntry[] {
  const shown = new Set(group.plan.map((line) => paymentOf(line, group)?.id).filter((id) => id !== undefined))
  return entries.filter((e) => !(e.paymentId && shown.has(e.paymentId)))
}
