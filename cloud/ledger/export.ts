/** A group's ledger as CSV (one row per expense or payment, a column per member) or as JSON. */
import { minorDigits } from '../../src/domain'
import type { Queryable } from '../store/db'
import type { CacheView } from './cache'
import { EXPENSE_COLS, expenseRow, expenseView } from './expenses'
import type { GroupRow } from './groups'
import { groupPayments } from './payments'
import { buildGroupView } from './state'

/** Minor units as a plain decimal string in major units (1230, 2 digits -> "12.30"; -5 -> "-0.05"). */
export function toMajor(minor: number, digits: number): string {
  if (digits === 0) return String(minor)
  const sign = minor < 0 ? '-' : ''
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0')
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvField(value: string | number, isText = true): string {
  let s = String(value)
  if (isText && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export async function buildExport(q: Queryable, cache: CacheView, group: GroupRow, meId: string, format: 'csv' | 'json', now: Date) {
  const view = await buildGroupView(q, cache, group, meId)
  const res = await q.query<Record<string, unknown>>(`SELECT ${EXPENSE_COLS} FROM expenses WHERE group_id = $1 ORDER BY date, seq`, [group.id])
  const rows = res.rows.map(expenseRow)
  const payments = await groupPayments(q, group.id)
  const safeName = group.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40) || 'group'
  const stamp = now.toISOString().slice(0, 10)
  if (format === 'json') {
    const content = JSON.stringify(
      {
        group: { id: view.id, name: view.name, currency: view.currency, emoji: view.emoji, version: view.version, createdAt: view.createdAt },
        members: view.members.map((m) => ({ id: m.id, name: m.name })),
        expenses: rows.map((r) => ({ ...expenseView(r, group.currency), deletedAt: r.deleted_at })),
        payments,
        balances: view.balances,
        plan: view.plan
      },
      null,
      2
    )
    return { filename: `${safeName}-${stamp}.json`, contentType: 'application/json', content }
  }
  const digits = minorDigits(group.currency)
  const names = new Map(view.members.map((m) => [m.id, m.name]))
  const memberIds = view.members.map((m) => m.id)
  const header = ['type', 'date', 'description', 'category', 'amount', 'currency', 'rate', 'paid by', ...memberIds.map((id) => names.get(id)!)]
  const lines = [header.map((h) => csvField(h)).join(',')]
  for (const r of rows) {
    if (r.deleted_at) continue
    const e = r.expense
    const cur = e.currency ?? group.currency
    const paid = Object.entries(e.paidBy)
      .map(([id, amt]) => `${names.get(id) ?? id} ${toMajor(amt, minorDigits(cur))}`)
      .join('; ')
    const shares = expenseView(r, group.currency).shares
    lines.push(
      [
        csvField('expense'),
        csvField(r.date),
        csvField(r.description),
        csvField(r.category),
        csvField(toMajor(e.amount, minorDigits(cur)), false),
        csvField(cur),
        csvField(e.rate ?? ''),
        csvField(paid),
        ...memberIds.map((id) => csvField(toMajor(shares[id] ?? 0, digits), false))
      ].join(',')
    )
  }
  for (const p of payments) {
    if (p.status !== 'confirmed') continue
    lines.push(
      [
        csvField('payment'),
        csvField(p.createdAt.slice(0, 10)),
        csvField(`${names.get(p.from) ?? p.from} → ${names.get(p.to) ?? p.to} (${p.method})`),
        csvField('settlement'),
        csvField(toMajor(p.amount, digits), false),
        csvField(group.currency),
        '',
        csvField(names.get(p.from) ?? p.from),
        ...memberIds.map(() => '')
      ].join(',')
    )
  }
  lines.push(['balance', '', '', '', '', csvField(group.currency), '', '', ...memberIds.map((id) => csvField(toMajor(view.balances[id] ?? 0, digits), false))].join(','))
  return { filename: `${safeName}-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', content: `\uFEFF${lines.join('\r\n')}\r\n` }
}
