/**
 * The add/edit expense form as plain data, and its conversion to a domain Expense.
 * The preview uses the domain's own split and payer rules (src/domain/check.ts), so what the form shows is
 * what the function will store.
 */
import { parseMoney } from '@/domain/money/parse'
import { toDecimalString } from '@/domain/money/format'
import type { Expense, MemberId, Minor, SplitMode } from '@/domain/types'
import { checkExpense } from '@/domain/check'

export type { SplitMode }
/** The split modes in the order the form offers them (every mode of the domain's `Split`). */
export const splitModes: SplitMode[] = ['equal', 'shares', 'percent', 'exact', 'adjust']

export interface ExpenseDraft {
  /** Typed as a positive number; with `refund`, money came in (a refund or income): the expense is stored negative. */
  amount: string
  refund: boolean
  description: string
  date: string
  category: string
  /** Absent or equal to the group's currency: no rate needed. */
  currency: string
  rate: string
  /** One payer pays everything; several payers each enter what they paid. */
  payers: MemberId[]
  /** Several payers, each with the amount they paid. */
  multiPayer: boolean
  payerAmounts: Record<MemberId, string>
  mode: SplitMode
  participants: MemberId[]
  /** Per-member text for the shares / percent / exact / adjust modes. */
  values: Record<SplitMode, Record<MemberId, string>>
}

/** A problem with the draft: a stable code (domain or form) and the field it belongs to. */
export interface DraftProblem {
  code: string
  field: 'amount' | 'rate' | 'payers' | 'split' | 'description' | 'currency'
}

class FormError extends Error {
  constructor(
    readonly code: string,
    readonly field: DraftProblem['field']
  ) {
    super(code)
  }
}

const emptyValues = (): ExpenseDraft['values'] => ({ equal: {}, shares: {}, percent: {}, exact: {}, adjust: {} })

export function newDraft(opts: { me: MemberId; members: MemberId[]; currency: string; today: string }): ExpenseDraft {
  return {
    amount: '',
    refund: false,
    description: '',
    date: opts.today,
    category: 'other',
    currency: opts.currency,
    rate: '',
    payers: [opts.me],
    multiPayer: false,
    payerAmounts: {},
    mode: 'equal',
    participants: [...opts.members],
    values: emptyValues()
  }
}

/** Rebuilds a draft from a stored expense (editing). */
export function draftFromExpense(
  e: Expense,
  extra: { description: string; date: string; category: string },
  groupCurrency: string,
  members: MemberId[]
): ExpenseDraft {
  const currency = e.currency ?? groupCurrency
  // a refund is shown as the positive expense it mirrors, with the refund switch on
  const refund = e.amount < 0
  const money = (m: Minor) => toDecimalString(refund ? -m : m, currency)
  const values = emptyValues()
  let participants = [...members]
  const split = e.split
  if (split.mode === 'equal') participants = [...split.members]
  if (split.mode === 'adjust') {
    participants = [...split.members]
    for (const [id, v] of Object.entries(split.adjustments)) values.adjust[id] = money(v)
  }
  if (split.mode === 'shares') {
    participants = Object.keys(split.shares).filter((id) => split.shares[id] > 0)
    for (const [id, v] of Object.entries(split.shares)) values.shares[id] = String(v)
  }
  if (split.mode === 'percent') {
    participants = Object.keys(split.basisPoints)
    for (const [id, v] of Object.entries(split.basisPoints)) values.percent[id] = String(v / 100)
  }
  if (split.mode === 'exact') {
    participants = Object.keys(split.amounts)
    for (const [id, v] of Object.entries(split.amounts)) values.exact[id] = money(v)
  }
  const payers = Object.keys(e.paidBy)
  return {
    amount: money(e.amount),
    refund,
    description: extra.description,
    date: extra.date,
    category: extra.category,
    currency,
    rate: e.rate ?? '',
    payers,
    multiPayer: payers.length > 1,
    payerAmounts: Object.fromEntries(payers.map((id) => [id, money(e.paidBy[id])])),
    mode: split.mode,
    participants,
    values
  }
}

/** "33.33" (percent) -> 3333 basis points; at most two decimals. */
function parsePercent(text: string): number {
  const t = text.trim().replace(',', '.')
  if (t === '') return 0
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) throw new FormError('SPLIT_PERCENT_INVALID', 'split')
  const [whole, frac = ''] = t.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

function parseShares(text: string): number {
  const t = text.trim()
  if (t === '') return 0
  if (!/^\d{1,6}$/.test(t)) throw new FormError('SPLIT_SHARES_INVALID', 'split')
  return Number(t)
}

function tagged<T>(field: DraftProblem['field'], fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof FormError) throw e
    const code = (e as { code?: unknown })?.code
    throw new FormError(typeof code === 'string' ? code : 'MONEY_FORMAT', field)
  }
}

/** Converts the draft to a domain Expense; throws a FormError (code + field) for the first problem in the input text. */
export function toExpense(draft: ExpenseDraft, id: string, groupCurrency: string): Expense {
  const currency = draft.currency
  // with the refund switch on, every amount typed is mirrored: what came in, shared the same way
  const sign = draft.refund ? -1 : 1
  const money = (text: string, opts?: { allowNegative?: boolean; allowZero?: boolean }) => {
    const v = sign * parseMoney(text, currency, opts)
    return v === 0 ? 0 : v
  }
  const amount = tagged('amount', () => money(draft.amount, { allowNegative: !draft.refund }))
  if (draft.payers.length === 0) throw new FormError('PAYERS_EMPTY', 'payers')
  const paidBy: Record<MemberId, Minor> =
    !draft.multiPayer || draft.payers.length === 1
      ? { [draft.payers[0]]: amount }
      : Object.fromEntries(
          draft.payers.map((p) => [p, tagged('payers', () => money(draft.payerAmounts[p] ?? '', { allowNegative: true, allowZero: true }))])
        )
  const people = draft.participants
  if (people.length === 0) throw new FormError('SPLIT_EMPTY', 'split')
  const v = draft.values[draft.mode]
  let split: Expense['split']
  switch (draft.mode) {
    case 'equal':
      split = { mode: 'equal', members: [...people] }
      break
    case 'shares':
      split = { mode: 'shares', shares: Object.fromEntries(people.map((p) => [p, parseShares(v[p] ?? '1')])) }
      break
    case 'percent':
      split = { mode: 'percent', basisPoints: Object.fromEntries(people.map((p) => [p, parsePercent(v[p] ?? '')])) }
      break
    case 'exact':
      split = {
        mode: 'exact',
        amounts: Object.fromEntries(people.map((p) => [p, tagged('split', () => money(v[p] ?? '', { allowNegative: true, allowZero: true }))]))
      }
      break
    case 'adjust':
      split = {
        mode: 'adjust',
        members: [...people],
        adjustments: Object.fromEntries(
          people.filter((p) => (v[p] ?? '').trim() !== '').map((p) => [p, tagged('split', () => money(v[p], { allowNegative: true, allowZero: true }))])
        )
      }
      break
  }
  const expense: Expense = { id, amount, paidBy, split }
  if (currency !== groupCurrency) {
    expense.currency = currency
    if (draft.rate.trim() === '') throw new FormError('RATE_REQUIRED', 'rate')
    expense.rate = draft.rate.trim().replace(',', '.')
  }
  return expense
}

const fieldOfCode = (code: string): DraftProblem['field'] => {
  if (code.startsWith('RATE')) return 'rate'
  if (code.startsWith('PAYERS')) return 'payers'
  if (code.startsWith('SPLIT') || code === 'UNKNOWN_MEMBER' || code === 'DUPLICATE_MEMBER') return 'split'
  if (code.startsWith('CURRENCY')) return 'currency'
  return 'amount'
}

export interface DraftPreview {
  expense: Expense | null
  /** Each participant's share in the group currency; sums exactly to the (converted) amount. */
  shares: Record<MemberId, Minor> | null
  problem: DraftProblem | null
}

/** Validates the draft with the domain and splits it: the live preview under the form. */
export function previewDraft(draft: ExpenseDraft, id: string, groupCurrency: string, members: MemberId[]): DraftPreview {
  let expense: Expense
  try {
    expense = toExpense(draft, id, groupCurrency)
  } catch (e) {
    if (e instanceof FormError) return { expense: null, shares: null, problem: { code: e.code, field: e.field } }
    throw e
  }
  try {
    return { expense, shares: checkExpense(expense, members, groupCurrency), problem: null }
  } catch (e) {
    const code = (e as { code?: unknown })?.code
    if (typeof code !== 'string') throw e
    return { expense, shares: null, problem: { code, field: fieldOfCode(code) } }
  }
}
