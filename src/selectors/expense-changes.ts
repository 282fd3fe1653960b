/**
 * What an edit of an expense changed, field by field, as text for people: from the activity entry's { before, after }
 * (each with description, amount, currency, category, date and the stored expense).
 */
import '@/i18n/changes'
import { formatMoney } from '@/domain/money/format'
import type { Expense, Split } from '@/domain/types'
import { translate, type Locale, type MessageKey } from '@/i18n'
import { categoryLabel } from '@/i18n/categories'

export interface ExpenseSide {
  description?: string
  amount?: number
  currency?: string | null
  category?: string
  date?: string
  expense?: Expense
}

export interface Change {
  field: 'description' | 'amount' | 'category' | 'date' | 'paidBy' | 'split' | 'rate'
  label: string
  before: string
  after: string
}

interface Context {
  names: Record<string, string>
  groupCurrency: string
  locale: Locale
}

const nameOf = (id: string, ctx: Context) => ctx.names[id] ?? '?'
const join = (parts: string[], locale: Locale) => parts.join(locale === 'zh-CN' ? '、' : ', ')


function describePaid(e: Expense, ctx: Context): string {
  const currency = e.currency ?? ctx.groupCurrency
  return join(
    Object.entries(e.paidBy).map(([id, v]) => `${nameOf(id, ctx)} ${formatMoney(v, currency, ctx.locale)}`),
    ctx.locale
  )
}

/** A split in words: "平均：小明、小红", "by shares: Ann ×2, Bo ×1". */
export function describeSplit(split: Split, currency: string, ctx: Context): string {
  const money = (v: number) => formatMoney(v, currency, ctx.locale)
  const t = (key: MessageKey, who: string[]) => translate(ctx.locale, key, { who: join(who, ctx.locale) })
  switch (split.mode) {
    case 'equal':
      return t('change.splitEqual', split.members.map((id) => nameOf(id, ctx)))
    case 'shares':
      return t('change.splitShares', Object.entries(split.shares).map(([id, n]) => `${nameOf(id, ctx)} ×${n}`))
    case 'percent':
      return t('change.splitPercent', Object.entries(split.basisPoints).map(([id, bp]) => `${nameOf(id, ctx)} ${bp / 100}%`))
    case 'exact':
      return t('change.splitExact', Object.entries(split.amounts).map(([id, v]) => `${nameOf(id, ctx)} ${money(v)}`))
    case 'adjust':
      return t(
        'change.splitAdjust',
        split.members.map((id) => {
          const adj = split.adjustments[id]
          return adj ? `${nameOf(id, ctx)} ${adj > 0 ? '+' : ''}${money(adj)}` : nameOf(id, ctx)
        })
      )
  }
}

/** The fields an edit changed, in the form's order; empty when nothing people see changed. */
export function expenseChanges(before: ExpenseSide, after: ExpenseSide, ctx: Context): Change[] {
  const out: Change[] = []
  const push = (field: Change['field'], b: string, a: string) => {
    if (b !== a) out.push({ field, label: translate(ctx.locale, `change.${field}` as MessageKey), before: b, after: a })
  }
  const amount = (s: ExpenseSide) => (typeof s.amount === 'number' ? formatMoney(s.amount, s.currency ?? s.expense?.currency ?? ctx.groupCurrency, ctx.locale) : '')
  push('amount', amount(before), amount(after))
  push('description', before.description ?? '', after.description ?? '')
  push('category', before.category ? categoryLabel(before.category, ctx.locale) : '', after.category ? categoryLabel(after.category, ctx.locale) : '')
  push('date', before.date ?? '', after.date ?? '')
  const b = before.expense
  const a = after.expense
  if (b && a) {
    push('rate', b.rate ?? '', a.rate ?? '')
    push('paidBy', describePaid(b, ctx), describePaid(a, ctx))
    push('split', describeSplit(b.split, b.currency ?? ctx.groupCurrency, ctx), describeSplit(a.split, a.currency ?? ctx.groupCurrency, ctx))
  }
  return out
}
