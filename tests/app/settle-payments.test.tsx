/**
 * The payment screens from the user's side: the wallet button only where payOptions says it can work (the reason
 * instead elsewhere, with the QR and cash ways still offered); the payer withdraws a cash or QR payment still
 * waiting; the receiver says it did not arrive, with a reason the payer then sees.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GroupView, PaymentView } from '@/api/views'
import SettlePage from '@/pages/settle'

import { groupView, playFunction, Refuse, type Call } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'
import { queueStore } from '@/store/queue'

const payment = (p: Partial<PaymentView> & Pick<PaymentView, 'id' | 'from' | 'to' | 'amount'>): PaymentView => ({
  method: 'cash',
  status: 'pending',
  recordedBy: p.from,
  createdAt: '2026-11-29T10:00:00.000Z',
  confirmedAt: null,
  confirmedBy: null,
  reason: null,
  ...p
})

const members = [
  { id: 'ann', name: 'Ann', userId: 'u1', wallet: 'wechat' as const, hasQr: false, role: 'organizer' as const },
  { id: 'bob', name: 'Bob', userId: 'u2', wallet: 'alipay' as const, hasQr: true, role: 'member' as const },
  { id: 'pat', name: 'Pat', userId: null, wallet: null, hasQr: false, role: 'member' as const },
  { id: 'cy', name: 'Cy', userId: 'u3', wallet: 'wechat' as const, hasQr: false, role: 'member' as const }
]

let group: GroupView
let payees: Record<string, string | null> | 'fail'
const calls: Call[] = []

function start(fields: Partial<GroupView>, options: typeof payees, locale: 'en' | 'zh-CN' = 'en') {
  group = groupView({ me: 'ann', members, balances: { ann: -3000, bob: 2000, pat: 1000, cy: 0 }, plan: [], totalSpent: 3000, ...fields })
  payees = options
  sessionStore.setState({ locale, token: 't', hydrated: true })
  groupsStore.getState().reset()
  groupsStore.getState().putGroup(group)
  render(<SettlePage />)
}

beforeEach(() => {
  calls.length = 0
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1' } } })
  queueStore.setState({ items: [], failed: [] })
  playFunction(calls, (action, input) => {
    if (action === 'getGroup') return { group }
    if (action === 'getTransfers') return { items: [] }
    if (action === 'payOptions') return payees === 'fail' ? new Refuse(503, 'UNAVAILABLE') : { payees }
    const p = group.pendingPayments.find((x) => x.id === input.paymentId)
    if (action === 'withdrawPayment') return { payment: { ...p, status: 'withdrawn' }, version: group.version + 1 }
    if (action === 'rejectPayment') return { payment: { ...p, status: 'rejected', reason: input.reason }, version: group.version + 1 }
    return undefined
  })
})

const settle = () => act(async () => new Promise((r) => setTimeout(r, 30)))
const sent = (action: string) => calls.filter((c) => c.action === action).map((c) => c.input)

test('the wallet button only for a payee who can receive; the reason, the QR and cash for the others', async () => {
  start(
    {
      plan: [
        { from: 'ann', to: 'bob', amount: 2000, state: 'open' },
        { from: 'ann', to: 'pat', amount: 1000, state: 'open' }
      ]
    },
    { bob: null, pat: 'PAYMENT_WALLET', cy: null }
  )
  await screen.findByTestId('pay-why-pat', undefined, { timeout: 3000 })
  expect(screen.getByTestId('pay-wallet-bob')).toBeTruthy()
  expect(screen.queryByTestId('pay-wallet-pat')).toBeNull()
  expect(screen.getByTestId('pay-why-pat').textContent).toBe('Pat cannot receive in the app yet: use the QR code or cash')
  expect(screen.getByTestId('pay-cash-pat')).toBeTruthy()
  expect(screen.getByTestId('pay-qr-bob')).toBeTruthy()
})

test('a group the merchant cannot take says so for everyone, in Chinese too', async () => {
  start({ currency: 'JPY', plan: [{ from: 'ann', to: 'bob', amount: 2000, state: 'open' }] }, { bob: 'PAYMENT_CURRENCY', pat: 'PAYMENT_CURRENCY', cy: 'PAYMENT_CURRENCY' }, 'zh-CN')
  const why = await screen.findByTestId('pay-why-bob', undefined, { timeout: 3000 })
  expect(why.textContent).toBe('应用内支付只支持人民币，请用收款码或现金')
  expect(screen.queryByTestId('pay-wallet-bob')).toBeNull()
  expect(screen.getByTestId('pay-cash-bob')).toBeTruthy()
})

test('when payOptions cannot be read the wallet button stays (the function says why if it cannot work)', async () => {
  start({ plan: [{ from: 'ann', to: 'bob', amount: 2000, state: 'open' }] }, 'fail')
  await settle()
  expect(sent('payOptions').length).toBeGreaterThan(0)
  expect(screen.getByTestId('pay-wallet-bob')).toBeTruthy()
})

test('the payer withdraws a cash payment still waiting, not a wallet payment', async () => {
  start(
    {
      pendingPayments: [payment({ id: 'p1', from: 'ann', to: 'bob', amount: 2000 }), payment({ id: 'p2', from: 'ann', to: 'cy', amount: 500, method: 'wechat' })]
    },
    { bob: null, pat: null, cy: null }
  )
  const withdraw = await screen.findByTestId('withdraw-bob', undefined, { timeout: 3000 })
  expect(screen.queryByTestId('withdraw-cy')).toBeNull()
  await act(async () => void fireEvent.click(withdraw))
  await settle()
  expect(sent('withdrawPayment')).toEqual([expect.objectContaining({ groupId: 'g1', paymentId: 'p1', clientId: expect.any(String) })])
})

test('the receiver says a payment did not arrive, with a reason; an empty reason is not sent', async () => {
  start({ pendingPayments: [payment({ id: 'p3', from: 'bob', to: 'ann', amount: 2000 })] }, { bob: null, pat: null, cy: null })
  await act(async () => void fireEvent.click(screen.getByTestId('reject-payment-bob')))
  const send = screen.getByTestId('reject-send-bob') as HTMLButtonElement
  expect(send.disabled).toBe(true)
  const reason = screen.getByTestId('reject-reason-bob') as HTMLInputElement
  expect(reason.placeholder).toBe('What happened? Bob will see this')
  await act(async () => void fireEvent.change(reason, { target: { value: '  ' } }))
  await act(async () => void fireEvent.click(send))
  expect(sent('rejectPayment')).toEqual([])
  await act(async () => void fireEvent.change(reason, { target: { value: ' No cash in the envelope ' } }))
  await act(async () => void fireEvent.click(screen.getByTestId('reject-send-bob')))
  await settle()
  expect(sent('rejectPayment')).toEqual([expect.objectContaining({ paymentId: 'p3', reason: 'No cash in the envelope' })])
  expect(screen.queryByTestId('reject-reason-bob')).toBeNull()
})

test('the payer sees why a payment was rejected', async () => {
  start(
    {
      plan: [{ from: 'ann', to: 'bob', amount: 2000, state: 'open' }],
      rejectedPayments: [payment({ id: 'p4', from: 'ann', to: 'bob', amount: 2000, status: 'rejected', reason: '没收到现金' })]
    },
    { bob: null, pat: null, cy: null },
    'zh-CN'
  )
  const notice = await screen.findByTestId('rejected-bob', undefined, { timeout: 3000 })
  expect(notice.textContent).toBe('Bob 说没收到这笔钱：没收到现金')
})
