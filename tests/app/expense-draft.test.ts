/** Editing: a stored expense becomes a form draft and back into the same expense, in every split mode. */
import type { Expense } from '@/domain'
import { draftFromExpense, newDraft, previewDraft, toExpense } from '@/services/expenseDraft'

const members = ['ann', 'bo', 'cy']
const extra = { description: 'Dinner', date: '2026-11-20', category: 'food' }

const expenses: Expense[] = [
  { id: 'x1', amount: 10000, paidBy: { ann: 10000 }, split: { mode: 'equal', members: ['ann', 'bo'] } },
  { id: 'x2', amount: 9999, paidBy: { bo: 9999 }, split: { mode: 'shares', shares: { ann: 2, bo: 1, cy: 1 } } },
  { id: 'x3', amount: 5000, paidBy: { ann: 3000, cy: 2000 }, split: { mode: 'percent', basisPoints: { ann: 3333, bo: 3333, cy: 3334 } } },
  { id: 'x4', amount: 3000, paidBy: { cy: 3000 }, split: { mode: 'exact', amounts: { ann: 1000, bo: 2000 } } },
  { id: 'x5', amount: 3300, paidBy: { ann: 3300 }, split: { mode: 'adjust', members: ['ann', 'bo', 'cy'], adjustments: { ann: 300, bo: -150 } } },
  { id: 'x6', amount: 2000, currency: 'USD', rate: '7.1', paidBy: { ann: 2000 }, split: { mode: 'equal', members: ['ann', 'bo'] } }
]

test.each(expenses)('$split.mode expense $id survives a round trip through the form', (e) => {
  const draft = draftFromExpense(e, extra, 'CNY', members)
  expect(toExpense(draft, e.id, 'CNY')).toEqual(e)
})

test('a foreign-currency expense previews shares in the group currency that sum to the converted amount', () => {
  const draft = { ...newDraft({ me: 'ann', members, currency: 'CNY', today: '2026-11-20' }), amount: '20', currency: 'USD', rate: '7.1' }
  const preview = previewDraft(draft, 'x7', 'CNY', members)
  expect(preview.problem).toBeNull()
  const shares = Object.values(preview.shares ?? {})
  expect(shares.reduce((a, b) => a + b, 0)).toBe(14200)
  expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1)
})

test('a refund (negative amount) splits negatively and still sums exactly', () => {
  const draft = { ...newDraft({ me: 'ann', members, currency: 'CNY', today: '2026-11-20' }), amount: '-10' }
  const preview = previewDraft(draft, 'x8', 'CNY', members)
  expect(preview.problem).toBeNull()
  expect(Object.values(preview.shares ?? {}).reduce((a, b) => a + b, 0)).toBe(-1000)
})
