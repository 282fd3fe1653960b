/**
 * The who-has-paid tracker: transfers still owed (the plan), payments recorded and awaiting the receiver
 * (pendingPayments), and payments confirmed (from the group's activity).
 */
import { useEffect, useState } from 'react'
import type { ActivityView, GroupView } from '@/api/views'
import type { TrackerEntry } from '@/components/PaidTracker'
import { api } from '@/services/api'

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
  for (const p of group.plan) {
    if (p.state === 'open') entries.push({ key: `plan:${p.from}->${p.to}`, from: p.from, to: p.to, amount: p.amount, status: 'owes' })
  }
  for (const p of group.pendingPayments) entries.push({ key: `pending:${p.id}`, from: p.from, to: p.to, amount: p.amount, status: 'paid' })
  for (const c of confirmed) entries.push({ key: `confirmed:${c.id}`, from: c.from, to: c.to, amount: c.amount, status: 'confirmed' })
  return entries
}

/** Loads the latest confirmed payments of a group when `enabled` (the settle tab is open); reloads on version change. */
export function useConfirmedPayments(groupId: string, enabled: boolean, version?: number): ConfirmedPayment[] {
  const [items, setItems] = useState<ConfirmedPayment[]>([])
  useEffect(() => {
    if (!enabled || !groupId) return
    let live = true
    api('listActivity', { groupId, limit: 100 })
      .then((out) => live && setItems(confirmedFromActivity(out.items)))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [groupId, enabled, version])
  return items
}
