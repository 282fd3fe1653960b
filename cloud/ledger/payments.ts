/** Payments between members (cash or direct wallet-to-wallet), pending until the receiver confirms. */
import type { PaymentView } from '../../src/api'
import type { Payment } from '../../src/domain'
import type { Queryable } from '../store/db'
import { toInt, toIso, toIsoOrNull } from '../store/convert'

export const PAYMENT_COLS = 'id, group_id, from_member, to_member, amount, method, status, recorded_by, created_at, confirmed_at, confirmed_by, reason'

export function paymentView(r: Record<string, unknown>): PaymentView {
  return {
    id: r.id as string,
    from: r.from_member as string,
    to: r.to_member as string,
    amount: toInt(r.amount),
    method: r.method as PaymentView['method'],
    status: r.status as PaymentView['status'],
    recordedBy: r.recorded_by as string,
    createdAt: toIso(r.created_at),
    confirmedAt: toIsoOrNull(r.confirmed_at),
    confirmedBy: (r.confirmed_by as string | null | undefined) ?? null,
    reason: (r.reason as string | null | undefined) ?? null
  }
}

/** Rejected payments still worth showing: each the latest payment between its payer and receiver (`all` in order). */
export function standingRejections(all: PaymentView[]): PaymentView[] {
  const latest = new Map<string, PaymentView>()
  for (const p of all) if (p.status !== 'withdrawn') latest.set(`${p.from}\u0001${p.to}`, p)
  return [...latest.values()].filter((p) => p.status === 'rejected')
}

export async function groupPayments(q: Queryable, groupId: string): Promise<PaymentView[]> {
  const res = await q.query<Record<string, unknown>>(`SELECT ${PAYMENT_COLS} FROM payments WHERE group_id = $1 ORDER BY seq`, [groupId])
  return res.rows.map(paymentView)
}

/** Confirmed payments, as the domain sees them. */
export function confirmedPayments(all: PaymentView[]): Payment[] {
  return all.filter((p) => p.status === 'confirmed').map((p) => ({ id: p.id, from: p.from, to: p.to, amount: p.amount }))
}
