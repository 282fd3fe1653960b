/**
 * The collection-QR sheet is keyed by member id: two people with the same name each get their own sheet, with the
 * "mark as paid" of their own transfer only.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SettlePage from '@/pages/settle'

import { groupView, playFunction, type Call } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'
import { queueStore } from '@/store/queue'

const group = groupView({
  me: 'ann',
  members: [
    { id: 'ann', name: 'Ann', userId: 'u1', wallet: 'wechat', hasQr: false, role: 'organizer' },
    { id: 'bo1', name: 'Bo', userId: 'u2', wallet: 'alipay', hasQr: true, role: 'member' },
    { id: 'bo2', name: 'Bo', userId: 'u3', wallet: 'wechat', hasQr: true, role: 'member' }
  ],
  balances: { ann: -3000, bo1: 1000, bo2: 2000 },
  plan: [
    { from: 'ann', to: 'bo1', amount: 1000, state: 'open' },
    { from: 'ann', to: 'bo2', amount: 2000, state: 'open' }
  ],
  totalSpent: 3000
})

const calls: Call[] = []

beforeEach(() => {
  calls.length = 0
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1' } } })
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true })
  groupsStore.getState().reset()
  groupsStore.getState().putGroup(group)
  queueStore.setState({ items: [], failed: [] })
  playFunction(calls, (action, input) => {
    if (action === 'getGroup') return { group }
    if (action === 'getTransfers') return { items: [] }
    if (action === 'recordPayment') return { payment: { id: 'p1' }, version: 6 }
    if (action === 'getMemberQr') return { memberId: input.memberId, wallet: 'alipay', qrImage: `data:image/png;base64,${input.memberId === 'bo1' ? 'AAAA' : 'BBBB'}` }
    return undefined
  })
})

test('the QR sheet of each of two people called Bo records the payment to that Bo only', async () => {
  render(<SettlePage />)
  const second = await screen.findByTestId('pay-qr-bo2', undefined, { timeout: 3000 })
  await act(async () => void fireEvent.click(second))
  const paid = await screen.findAllByTestId('qr-paid')
  expect(paid).toHaveLength(1)
  await act(async () => void fireEvent.click(paid[0]!))
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  const recorded = calls.filter((c) => c.action === 'recordPayment')
  expect(recorded).toHaveLength(1)
  expect(recorded[0]!.input).toMatchObject({ from: 'ann', to: 'bo2', amount: 2000, method: 'direct' })
})
