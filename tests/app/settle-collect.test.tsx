/**
 * The payee side of an in-app WeChat payout: a transfer whose payout waits for the payee (wait_user_confirm,
 * with payout.confirm) shows a "collect" button on the settle page; tapping it hands payout.confirm to the
 * wallet (src/platform/pay confirmTransfer; WeChat's requestMerchantTransfer cannot run here, so the wallet is
 * the only double) and then asks the function with confirmPayout.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { TransferView } from '@/api/payments'
import { confirmTransfer } from '@/platform/pay'
import SettlePage from '@/pages/settle'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'

import { groupView } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

jest.mock('@/platform/pay', () => ({
  ...jest.requireActual('@/platform/pay'),
  confirmTransfer: jest.fn()
}))

const group = groupView({
  me: 'ann',
  members: [
    { id: 'ann', name: 'Ann', userId: 'u1', wallet: 'wechat', hasQr: false, role: 'organizer' },
    { id: 'bo', name: 'Bo', userId: 'u2', wallet: 'alipay', hasQr: false, role: 'member' }
  ],
  balances: { ann: 0, bo: 0 },
  plan: [],
  totalSpent: 2000
})

const confirm = { mchId: '1900000001', appId: 'wx0000000000000001', package: 'ABBQO+oYAAABAAAAAAAA', outBillNo: 'po_1' }
function transfer(state: 'wait_user_confirm' | 'succeeded', to = 'ann'): TransferView {
  return {
    id: 'tr_1',
    groupId: 'g1',
    from: 'bo',
    to,
    amount: 1000,
    currency: 'CNY',
    channel: 'wechat',
    wire: 'wechat',
    state: state === 'succeeded' ? 'settled' : 'payout_pending',
    paymentId: 'p1',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    history: [],
    payout: { id: 'po_1', wallet: 'wechat', state, attempts: 1, nextAttemptAt: null, lastError: null, confirm: state === 'wait_user_confirm' ? confirm : null }
  } as TransferView
}

let payoutState: 'wait_user_confirm' | 'succeeded'
let payee: string
const calls: Array<{ action: string; input: Record<string, unknown> }> = []

beforeEach(() => {
  calls.length = 0
  payoutState = 'wait_user_confirm'
  payee = 'ann'
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1' } } })
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  groupsStore.getState().reset()
  groupsStore.getState().putGroup(group)
  setTransport(async (envelope: Envelope) => {
    const input = envelope.input as Record<string, unknown>
    calls.push({ action: envelope.action, input })
    const ok = (data: unknown) => ({ status: 200, body: { ok: true as const, data } })
    if (envelope.action === 'getGroup') return ok({ group })
    if (envelope.action === 'getTransfers') return ok({ items: [transfer(payoutState, payee)] })
    if (envelope.action === 'confirmPayout') {
      payoutState = 'succeeded'
      return ok({ transfer: transfer('succeeded') })
    }
    return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: envelope.action } } }
  })
  ;(confirmTransfer as jest.Mock).mockReset()
  ;(Taro.showToast as jest.Mock).mockClear()
})

test('the payee collects a payout waiting for them: the wallet confirms, then confirmPayout; the card goes away', async () => {
  ;(confirmTransfer as jest.Mock).mockResolvedValue({ status: 'paid' })
  render(<SettlePage />)
  const button = await screen.findByTestId('collect-payout-bo', undefined, { timeout: 3000 })
  expect(button.textContent).toBe('收款')
  expect(screen.getByTestId('collect-bo').textContent).toContain('¥10.00')
  await act(async () => void fireEvent.click(button))
  await screen.findByText('已收款到你的钱包', undefined, { timeout: 1000 }).catch(() => null)
  expect(confirmTransfer).toHaveBeenCalledWith(confirm, { locale: 'zh-CN' })
  const confirmPayout = calls.filter((c) => c.action === 'confirmPayout')
  expect(confirmPayout).toHaveLength(1)
  expect(confirmPayout[0].input).toMatchObject({ groupId: 'g1', transferId: 'tr_1', clientId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) })
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已收款到你的钱包' }))
  expect(screen.queryByTestId('collect-payout-bo')).toBeNull()
})

test('closing the wallet sheet collects nothing and keeps the button', async () => {
  ;(confirmTransfer as jest.Mock).mockResolvedValue({ status: 'cancelled', message: '你取消了付款，没有扣款。' })
  render(<SettlePage />)
  const button = await screen.findByTestId('collect-payout-bo', undefined, { timeout: 3000 }).catch((e) => {
    throw new Error(JSON.stringify(calls) + String(e).slice(0, 100))
  })
  await act(async () => void fireEvent.click(button))
  expect(calls.some((c) => c.action === 'confirmPayout')).toBe(false)
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '你取消了付款，没有扣款。' }))
  expect(screen.getByTestId('collect-payout-bo')).toBeTruthy()
})

test('a payout to someone else, or one already paid out, shows no collect button', async () => {
  payee = 'bo'
  const { unmount } = render(<SettlePage />)
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(calls.some((c) => c.action === 'getTransfers')).toBe(true)
  expect(screen.queryByTestId('collect-payout-bo')).toBeNull()
  unmount()
  payee = 'ann'
  payoutState = 'succeeded'
  render(<SettlePage />)
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(screen.queryByTestId('collect-payout-bo')).toBeNull()
})
