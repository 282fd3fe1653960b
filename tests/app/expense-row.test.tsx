/** One row of the expense list: who paid it, or for a refund who received it, in the person's language. */
import { render, screen } from '@testing-library/react'
import type { Expense } from '@/domain'
import ExpenseRow from '@/components/ExpenseRow'
import type { ShownExpense } from '@/selectors/optimistic'

const names = { ann: 'Ann', bo: 'Bo' }

function row(expense: Expense): ShownExpense {
  const at = '2026-11-20T10:00:00.000Z'
  return { id: expense.id, groupId: 'g1', expense, description: 'Row', category: 'other', date: '2026-11-20', createdBy: 'ann', createdAt: at, updatedAt: at, shares: { ann: expense.amount } }
}

const show = (expense: Expense, locale: 'zh-CN' | 'en') =>
  render(<ExpenseRow item={row(expense)} names={names} me='ann' groupCurrency='CNY' locale={locale} now={Date.parse('2026-11-20T12:00:00Z')} onOpen={() => {}} />)

test.each([
  [1000, 'ann', 'zh-CN', '你付款'],
  [1000, 'ann', 'en', 'You paid'],
  [1000, 'bo', 'zh-CN', 'Bo 付款'],
  [-1000, 'ann', 'zh-CN', '你收款'],
  [-1000, 'bo', 'en', 'Bo received']
] as const)('amount %p paid by %s reads, in %s, "%s"', (amount, payer, locale, text) => {
  show({ id: 'x1', amount, paidBy: { [payer]: amount }, split: { mode: 'equal', members: ['ann'] } }, locale)
  expect(screen.getByText(text, { exact: false })).toBeTruthy()
})

test('a refund with two payers says how many received it', () => {
  show({ id: 'x2', amount: -1000, paidBy: { ann: -600, bo: -400 }, split: { mode: 'equal', members: ['ann'] } }, 'zh-CN')
  expect(screen.getByText('2 人收款', { exact: false })).toBeTruthy()
})
