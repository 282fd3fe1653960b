/**
 * The refund switch of the form (money coming in, typed as positive numbers, stored as the mirrored negative expense)
 * and what an edit changed, in words, as the expense's history and the activity page show it.
 */
import { splitExpense, type Expense } from '@/domain'
import { draftFromExpense, newDraft, previewDraft, toExpense } from '@/services/expenseDraft'
import { describeSplit, expenseChanges } from '@/selectors/expense-changes'

const members = ['ann', 'bo', 'cy']
const base = () => newDraft({ me: 'ann', members, currency: 'CNY', today: '2026-11-30' })

describe('the refund switch', () => {
  it('stores what came in as a negative expense, received by the payer and shared the same way', () => {
    const e = toExpense({ ...base(), amount: '90', refund: true }, 'r1', 'CNY')
    expect(e).toEqual({ id: 'r1', amount: -9000, paidBy: { ann: -9000 }, split: { mode: 'equal', members } })
    expect(splitExpense(e, 'CNY')).toEqual({ ann: -3000, bo: -3000, cy: -3000 })
  })

  it('mirrors several receivers and exact amounts typed as positive numbers', () => {
    const d = { ...base(), amount: '10', refund: true, multiPayer: true, payers: ['ann', 'bo'], payerAmounts: { ann: '6', bo: '4' }, mode: 'exact' as const, participants: ['bo', 'cy'] }
    d.values = { ...d.values, exact: { bo: '7.5', cy: '2.5' } }
    const p = previewDraft(d, 'r2', 'CNY', members)
    expect(p.problem).toBeNull()
    expect(p.expense).toEqual({ id: 'r2', amount: -1000, paidBy: { ann: -600, bo: -400 }, split: { mode: 'exact', amounts: { bo: -750, cy: -250 } } })
    expect(p.shares).toEqual({ bo: -750, cy: -250 })
  })

  it('refuses a negative number with the switch on (the switch is the sign)', () => {
    expect(previewDraft({ ...base(), amount: '-5', refund: true }, 'r3', 'CNY', members).problem?.field).toBe('amount')
  })

  it('opens a stored refund with the switch on and positive numbers, and saves it unchanged', () => {
    const stored: Expense = { id: 'r4', amount: -1200, paidBy: { bo: -1200 }, split: { mode: 'adjust', members: ['ann', 'bo'], adjustments: { ann: -200 } } }
    const d = draftFromExpense(stored, { description: '退押金', date: '2026-11-01', category: 'lodging' }, 'CNY', members)
    expect([d.refund, d.amount, d.values.adjust.ann]).toEqual([true, '12.00', '2.00'])
    expect(toExpense(d, 'r4', 'CNY')).toEqual(stored)
  })

  it('leaves an ordinary expense positive', () => {
    expect(toExpense({ ...base(), amount: '12.30' }, 'x', 'CNY').amount).toBe(1230)
  })
})

describe('what an edit changed', () => {
  const names = { ann: 'Ann', bo: 'Bo', cy: 'Cy' }
  const ctx = { names, groupCurrency: 'CNY', locale: 'en' as const }
  const before: Expense = { id: 'e', amount: 6000, paidBy: { ann: 6000 }, split: { mode: 'equal', members: ['ann', 'bo'] } }

  it('lists each field that changed, before and after', () => {
    const after: Expense = { id: 'e', amount: 7500, paidBy: { bo: 7500 }, split: { mode: 'shares', shares: { ann: 2, bo: 1 } } }
    const changes = expenseChanges(
      { description: 'Dinner', amount: 6000, currency: null, category: 'food', date: '2026-06-01', expense: before },
      { description: 'BBQ', amount: 7500, currency: null, category: 'fun', date: '2026-06-01', expense: after },
      ctx
    )
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['amount', 'CN¥60.00', 'CN¥75.00'],
      ['description', 'Dinner', 'BBQ'],
      ['category', 'Food', 'Fun'],
      ['paidBy', 'Ann CN¥60.00', 'Bo CN¥75.00'],
      ['split', 'equally: Ann, Bo', 'by shares: Ann ×2, Bo ×1']
    ])
  })

  it('is empty when nothing people see changed, and speaks Chinese', () => {
    const side = { description: '晚饭', amount: 6000, category: 'food', date: '2026-06-01', expense: before }
    expect(expenseChanges(side, { ...side }, ctx)).toEqual([])
    const zh = expenseChanges(side, { ...side, date: '2026-06-02' }, { ...ctx, locale: 'zh-CN' })
    expect(zh).toEqual([{ field: 'date', label: '日期', before: '2026-06-01', after: '2026-06-02' }])
    expect(describeSplit({ mode: 'percent', basisPoints: { ann: 6000, cy: 4000 } }, 'CNY', { ...ctx, locale: 'zh-CN' })).toBe('按比例：Ann 60%、Cy 40%')
  })
})
