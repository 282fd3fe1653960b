/**
 * The organizer in the who-has-paid tracker: sees everyone's state and may confirm a payment waiting on its
 * receiver (cash handed over in person); a member sees their own transfers and confirms only what they
 * received; nobody confirms their own payment. The organizer wears a badge in the balances.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { GroupView } from '@/api/views'
import BalanceList from '@/components/BalanceList'
import PaidTracker from '@/components/PaidTracker'
import { confirmPayment } from '@/store/mutations'

import { confirmRole, isOrganizer, trackerEntries, visibleEntries } from '@/selectors/tracker'
import { queueStore } from '@/store/queue'

const group: GroupView = {
  id: 'g1',
  name: 'Trip',
  currency: 'CNY',
  emoji: '🏕️',
  version: 9,
  createdAt: '2026-11-01T00:00:00.000Z',
  me: 'org',
  members: [
    { id: 'org', name: 'Olga', userId: 'u0', wallet: 'wechat', hasQr: false, role: 'organizer' },
    { id: 'bo', name: 'Bo', userId: 'u1', wallet: 'wechat', hasQr: false, role: 'member' },
    { id: 'cy', name: 'Cy', userId: 'u2', wallet: 'alipay', hasQr: false, role: 'member' },
    { id: 'di', name: 'Di', userId: 'u3', wallet: null, hasQr: false, role: 'member' }
  ],
  balances: { org: 0, bo: 0, cy: 0, di: 0 },
  plan: [{ from: 'di', to: 'bo', amount: 700, state: 'open' }],
  pendingPayments: [
    // Cy paid Bo in cash: waits on Bo (a member), the organizer may confirm for Bo
    { id: 'p1', from: 'cy', to: 'bo', amount: 1500, method: 'cash', status: 'pending', recordedBy: 'cy', createdAt: '2026-11-20T10:00:00.000Z', confirmedAt: null, confirmedBy: null },
    // The organizer paid Cy: the organizer may not confirm their own payment
    { id: 'p2', from: 'org', to: 'cy', amount: 800, method: 'cash', status: 'pending', recordedBy: 'org', createdAt: '2026-11-20T10:00:00.000Z', confirmedAt: null, confirmedBy: null }
  ],
  expenseCount: 0,
  totalSpent: 0
}

const names = Object.fromEntries(group.members.map((m) => [m.id, m.name]))

function tracker(me: string, confirming: ReadonlySet<string> = new Set()) {
  const organizer = isOrganizer(group, me)
  const entries = visibleEntries(trackerEntries(group, []), me, organizer)
  return render(
    <PaidTracker
      entries={entries}
      names={names}
      currency='CNY'
      locale='zh-CN'
      confirmAs={(e) => confirmRole(e, me, organizer)}
      confirming={confirming}
      onConfirm={(e) => confirmPayment('g1', e.paymentId!)}
    />
  )
}

beforeEach(() => {
  queueStore.setState({ items: [] })
  queueStore.getState().flush = jest.fn(async () => {}) // keep the write in the queue for inspection
})

test('the organizer sees every state and confirms cash for the receiver, not their own payment', () => {
  tracker('org')
  // Di's open transfer is the plan's, shown once there, not again among the payments
  expect(screen.queryByTestId('tracker-owes-di')).toBeNull()
  expect(screen.getByTestId('tracker-paid-cy')).toBeTruthy()
  expect(screen.getByTestId('tracker-paid-org')).toBeTruthy()
  const confirm = screen.getByTestId('tracker-confirm-cy')
  expect(confirm.textContent).toBe('代为确认收款（现金）')
  expect(screen.queryByTestId('tracker-confirm-org')).toBeNull()
  act(() => void fireEvent.click(confirm))
  const queued = queueStore.getState().items
  expect(queued).toHaveLength(1)
  expect(queued[0]).toMatchObject({ action: 'confirmPayment', groupId: 'g1', input: { groupId: 'g1', paymentId: 'p1' } })
})

test('a queued confirmation shows as waiting to sync, with no second button', () => {
  tracker('org', new Set(['p1']))
  expect(screen.queryByTestId('tracker-confirm-cy')).toBeNull()
  expect(screen.getByTestId('tracker-paid-cy').textContent).toContain('待同步')
})

test('a member sees their own transfers; the receiver confirms as the payee, the payer cannot', () => {
  const bo = tracker('bo')
  expect(screen.getByTestId('tracker-confirm-cy').textContent).toBe('确认收到')
  expect(screen.queryByTestId('tracker-paid-org')).toBeNull() // org -> cy is not Bo's business
  bo.unmount()

  tracker('cy')
  expect(screen.getByTestId('tracker-paid-cy')).toBeTruthy() // Cy's own payment, waiting on Bo
  expect(screen.queryByTestId('tracker-confirm-cy')).toBeNull()
  expect(screen.getByTestId('tracker-confirm-org').textContent).toBe('确认收到') // Cy receives from the organizer
  expect(screen.queryByTestId('tracker-owes-di')).toBeNull()
})

test('without roles (an older function) nobody but the receiver gets the action', () => {
  const old = { ...group, members: group.members.map(({ role: _role, ...m }) => m) } as GroupView
  expect(isOrganizer(old, 'org')).toBe(false)
  const entries = trackerEntries(old, [])
  expect(entries.map((e) => confirmRole(e, 'org', isOrganizer(old, 'org')))).toEqual([null, null])
})

test('the organizer has a badge in the balances, in both languages', () => {
  const { rerender } = render(<BalanceList members={group.members} balances={group.balances} me='bo' currency='CNY' locale='zh-CN' />)
  expect(screen.getByTestId('organizer-org').textContent).toBe('组织者')
  expect(screen.queryByTestId('organizer-bo')).toBeNull()
  rerender(<BalanceList members={group.members} balances={group.balances} me='bo' currency='CNY' locale='en' />)
  expect(screen.getByTestId('organizer-org').textContent).toBe('Organizer')
})
