/**
 * The add-expense page: inline validation messages come from the domain's error codes translated in src/i18n;
 * a valid expense is queued for the function with the split the preview showed.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { GroupView } from '@/api/views'
import ExpenseForm from '@/components/ExpenseForm'
import { sessionStore } from '@/store/session'
import { queueStore } from '@/store/queue'

const group: GroupView = {
  id: 'g1',
  name: 'Trip',
  currency: 'CNY',
  emoji: '🏕️',
  version: 7,
  createdAt: '2026-11-01T00:00:00.000Z',
  me: 'ann',
  members: [
    { id: 'ann', name: 'Ann', userId: 'u1', wallet: 'wechat', hasQr: false },
    { id: 'bo', name: 'Bo', userId: 'u2', wallet: 'alipay', hasQr: true },
    { id: 'cy', name: 'Cy', userId: null, wallet: null, hasQr: false }
  ],
  balances: { ann: 0, bo: 0, cy: 0 },
  plan: [],
  pendingPayments: [],
  expenseCount: 0,
  totalSpent: 0
}

const change = (testId: string, value: string) => act(() => void fireEvent.change(screen.getByTestId(testId), { target: { value } }))
const click = (testId: string) => act(() => void fireEvent.click(screen.getByTestId(testId)))

beforeEach(() => {
  queueStore.setState({ items: [] })
  queueStore.getState().flush = jest.fn(async () => {}) // keep the write in the queue for inspection
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
})

test.each([
  ['12.345', 'zh-CN', '小数位太多了'],
  ['12.345', 'en', 'Too many decimal places'],
  ['abc', 'zh-CN', '金额格式不对，例如 12.30'],
  ['0', 'en', 'The amount cannot be 0']
] as const)('amount %p shows the %s message inline', (amount, locale, message) => {
  sessionStore.setState({ locale })
  render(<ExpenseForm group={group} onDone={() => {}} />)
  change('expense-amount', amount)
  expect(screen.getByTestId('amount-error').textContent).toBe(message)
})

test('saving with no amount shows the message and queues nothing', () => {
  const done = jest.fn()
  render(<ExpenseForm group={group} onDone={done} />)
  expect(screen.queryByTestId('amount-error')).toBeNull() // not before the person tried
  click('expense-save')
  expect(screen.getByTestId('amount-error').textContent).toBe('请输入金额')
  expect(queueStore.getState().items).toHaveLength(0)
  expect(done).not.toHaveBeenCalled()
})

test('a foreign currency needs a rate', () => {
  render(<ExpenseForm group={group} onDone={() => {}} />)
  change('expense-amount', '20')
  act(() => void fireEvent.change(screen.getByTestId('expense-currency').parentElement!.querySelector('select')!, { target: { value: '1' } }))
  click('expense-save')
  expect(screen.getByTestId('rate-error').textContent).toBe('外币账单需要填写汇率')
  change('expense-rate', '7.1')
  expect(screen.queryByTestId('rate-error')).toBeNull()
})

test('several payers must add up to the amount', () => {
  render(<ExpenseForm group={group} onDone={() => {}} />)
  change('expense-amount', '100')
  act(() => void fireEvent.click(screen.getByTestId('multi-payer')))
  click('payers-bo')
  change('payer-amount-ann', '60')
  change('payer-amount-bo', '30')
  click('expense-save')
  expect(screen.getByTestId('payers-error').textContent).toBe('付款人金额之和要等于总金额')
  change('payer-amount-bo', '40')
  expect(screen.queryByTestId('payers-error')).toBeNull()
})

test('a valid expense is queued with the split the preview showed, then the form closes', () => {
  const done = jest.fn()
  render(<ExpenseForm group={group} onDone={done} />)
  change('expense-amount', '99.99')
  change('expense-description', 'Hotpot')
  click('category-food')
  click('split-mode-shares')
  change('split-input-ann', '2')
  const previewed = ['ann', 'bo', 'cy'].map((id) => screen.getByTestId(`split-share-${id}`).textContent)
  click('expense-save')
  expect(done).toHaveBeenCalled()
  const [m] = queueStore.getState().items
  expect(m.action).toBe('addExpense')
  expect(m.groupId).toBe('g1')
  expect(m.input).toMatchObject({
    groupId: 'g1',
    description: 'Hotpot',
    category: 'food',
    expense: { amount: 9999, paidBy: { ann: 9999 }, split: { mode: 'shares', shares: { ann: 2, bo: 1, cy: 1 } } }
  })
  expect(previewed).toEqual(['¥49.99', '¥25.00', '¥25.00'])
})

test('exact amounts: a person left blank owes 0, like the placeholder says', () => {
  const done = jest.fn()
  render(<ExpenseForm group={group} onDone={done} />)
  change('expense-amount', '30')
  click('split-mode-exact')
  change('split-input-ann', '10')
  change('split-input-bo', '20')
  expect(screen.queryByTestId('split-error')).toBeNull()
  expect(screen.getByTestId('split-share-cy').textContent).toBe('¥0.00')
  click('expense-save')
  expect(done).toHaveBeenCalled()
  expect(queueStore.getState().items[0].input).toMatchObject({ expense: { amount: 3000, split: { mode: 'exact', amounts: { ann: 1000, bo: 2000, cy: 0 } } } })
})
