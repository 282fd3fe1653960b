/** Changes set aside after repeated server failures: shown on the group page with the reason, retry and discard. */
import { fireEvent, render, screen } from '@testing-library/react'
import FailedChanges from '@/components/FailedChanges'
import type { FailedMutation } from '@/store/queue'

const item = (clientId: string, action: FailedMutation['action'], input: Record<string, unknown>): FailedMutation => ({
  clientId,
  action,
  input: { ...input, clientId },
  groupId: 'g1',
  createdAt: 0,
  attempts: 5,
  nextAttemptAt: 0,
  reason: 'INTERNAL',
  failedAt: 0
})

test.each([
  ['en', 'Not saved', 'Dinner', 'Payment', 'Retry', 'Discard'],
  ['zh-CN', '没能保存的改动', 'Dinner', '付款记录', '重试', '放弃']
] as const)('in %s: what each change was, why, and what to do', (locale, title, dinner, payment, retry, discard) => {
  const onRetry = jest.fn()
  const onDiscard = jest.fn()
  const items = [item('c1', 'addExpense', { description: 'Dinner' }), item('c2', 'recordPayment', { amount: 500 })]
  render(<FailedChanges items={items} locale={locale} onRetry={onRetry} onDiscard={onDiscard} />)
  expect(screen.getByText(title)).toBeTruthy()
  expect(screen.getByText(dinner)).toBeTruthy()
  expect(screen.getByText(payment)).toBeTruthy()
  expect(screen.getAllByText(retry)).toHaveLength(2)
  expect(screen.getAllByText(discard)).toHaveLength(2)
  fireEvent.click(screen.getByTestId('retry-c1'))
  fireEvent.click(screen.getByTestId('discard-c2'))
  expect(onRetry).toHaveBeenCalledWith('c1')
  expect(onDiscard).toHaveBeenCalledWith('c2')
  expect(screen.getByTestId('failed-c1').textContent).not.toContain('INTERNAL')
})

test('nothing is shown when nothing failed', () => {
  const { container } = render(<FailedChanges items={[]} locale='en' onRetry={() => {}} onDiscard={() => {}} />)
  expect(container.textContent).toBe('')
})
