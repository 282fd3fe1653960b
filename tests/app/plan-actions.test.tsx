/**
 * One list for the whole settlement: each line of the plan carries what the reader can do about it. My own open
 * transfer: pay; one owed to me (or, for the organizer, to anyone): remind; a transfer its payer says they paid:
 * confirm for its receiver, confirm for the receiver in cash for the organizer, nothing for the payer; a
 * confirmation waiting in the offline queue: a note. The payments list below leaves out what a plan line shows.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import PlanList, { type LineAction } from '@/components/PlanList'
import { copyReminder } from '@/services/remind'
import { entriesBesidePlan, isOrganizer, planAction, trackerEntries } from '@/selectors/tracker'

const pending = (id: string, from: string, to: string, amount: number) => ({
  id,
  from,
  to,
  amount,
  method: 'cash' as const,
  status: 'pending' as const,
  recordedBy: from,
  createdAt: '2026-11-20T10:00:00.000Z',
  confirmedAt: null,
  confirmedBy: null
})

const group = (me: string): GroupView => ({
  id: 'g1',
  name: '露营',
  currency: 'CNY',
  emoji: '🏕️',
  version: 3,
  createdAt: '2026-11-01T00:00:00.000Z',
  me,
  members: [
    { id: 'org', name: 'Olga', userId: 'u0', wallet: 'wechat', hasQr: false, role: 'organizer' },
    { id: 'bo', name: 'Bo', userId: 'u1', wallet: 'wechat', hasQr: false, role: 'member' },
    { id: 'cy', name: 'Cy', userId: 'u2', wallet: 'alipay', hasQr: false, role: 'member' },
    { id: 'di', name: 'Di', userId: 'u3', wallet: null, hasQr: false, role: 'member' }
  ],
  balances: { org: 2000, bo: 700, cy: -1500, di: -1200 },
  plan: [
    { from: 'cy', to: 'org', amount: 1500, state: 'pending' }, // Cy says they paid the organizer
    { from: 'di', to: 'bo', amount: 700, state: 'open' },
    { from: 'di', to: 'org', amount: 500, state: 'open' }
  ],
  pendingPayments: [pending('p1', 'cy', 'org', 1500), pending('p2', 'bo', 'cy', 300)], // p2: a payment beside the plan
  expenseCount: 2,
  totalSpent: 4000
})

const actions = (me: string, confirming: ReadonlySet<string> = new Set()) => {
  const g = group(me)
  return g.plan.map((line) => planAction(line, g, isOrganizer(g, me), confirming))
}


test('what each person can do on each line', () => {
  // the organizer: confirm what Cy says they paid (as its receiver), remind Di of both of Di's transfers
  expect(actions('org')).toEqual([{ kind: 'confirm', paymentId: 'p1' }, { kind: 'remind' }, { kind: 'remind' }])
  // Bo: nothing on Cy -> Olga, remind Di of what Di owes Bo, nothing on Di -> Olga
  expect(actions('bo')).toEqual([null, { kind: 'remind' }, null])
  // Cy paid: waits on Olga, nothing to do; Di: pay both
  expect(actions('cy')).toEqual([null, null, null])
  expect(actions('di')).toEqual([null, { kind: 'pay' }, { kind: 'pay' }])
  // a confirmation waiting in the queue is a note, not a second button
  expect(actions('org', new Set(['p1']))[0]).toEqual({ kind: 'syncing', paymentId: 'p1' })
})

test('the organizer confirms a cash payment for a member who receives it', () => {
  const g = group('org')
  g.plan = [{ from: 'bo', to: 'cy', amount: 300, state: 'pending' }]
  expect(planAction(g.plan[0]!, g, true, new Set())).toEqual({ kind: 'confirmCash', paymentId: 'p2' })
})

test('the payments list leaves out the payment a plan line shows, and keeps the rest', () => {
  const g = group('org')
  const confirmed = [{ id: 'p0', from: 'bo', to: 'org', amount: 100 }]
  const beside = entriesBesidePlan(trackerEntries(g, confirmed), g)
  expect(beside.map((e) => e.key)).toEqual(['pending:p2', 'confirmed:p0'])
})

test('the plan shows each line’s action, and a reminder is copied for the chat', async () => {
  const onPay = jest.fn()
  const actionOf = (line: { from: string; to: string }): LineAction | null =>
    line.from === 'di' && line.to === 'bo' ? { label: '去付款', primary: true, onClick: onPay } : line.from === 'cy' ? { label: '待同步' } : null
  render(<PlanList plan={group('di').plan} names={{ org: 'Olga', bo: 'Bo', cy: 'Cy', di: 'Di' }} me='di' currency='CNY' locale='zh-CN' actionOf={actionOf} />)
  const pay = screen.getByTestId('plan-action-di-bo')
  expect(pay.tagName).toBe('BUTTON')
  expect(pay.textContent).toBe('去付款')
  await act(async () => void fireEvent.click(pay))
  expect(onPay).toHaveBeenCalledTimes(1)
  expect(screen.getByTestId('plan-action-cy-org').tagName).toBe('SPAN') // a note, not a button
  expect(screen.queryByTestId('plan-action-di-org')).toBeNull()

  ;(Taro.setClipboardData as jest.Mock).mockClear()
  expect(await copyReminder('Di，「露营」里你还要付给Bo ¥7.00')).toBe(true)
  expect((Taro.setClipboardData as jest.Mock).mock.calls).toEqual([[{ data: 'Di，「露营」里你还要付给Bo ¥7.00' }]])
  ;(Taro.setClipboardData as jest.Mock).mockRejectedValueOnce(new Error('setClipboardData:fail'))
  expect(await copyReminder('x')).toBe(false)
})
