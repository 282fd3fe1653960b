/**
 * Reminding from the group page: "remind" on a line records it with the function (and says whether a platform
 * message goes out), then offers the reminder for the chat (in the preview: the text with a link to the settle page
 * on that transfer); a second reminder too soon says who reminded and when the next is possible; the last reminder
 * shows under its line; the organizer reminds everyone at once. The settle page opened from the card says whose
 * transfer it is and shows it first.
 */
import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import GroupPage from '@/pages/group'
import SettlePage from '@/pages/settle'
import { groupsStore } from '@/store/groups'
import { sessionStore } from '@/store/session'
import { openPage } from '../doubles/page'
import { groupView, playFunction, Refuse, type Call } from './fixtures'

let calls: Call[]
let group: GroupView
let answer: (input: Record<string, unknown>) => unknown

const members = [
  { id: 'org', name: '小明', userId: 'u0', wallet: 'wechat' as const, hasQr: false, role: 'organizer' as const, avatar: null },
  { id: 'red', name: '小红', userId: 'u1', wallet: 'alipay' as const, hasQr: false, role: 'member' as const, avatar: null },
  { id: 'pat', name: '阿帕', userId: null, wallet: null, hasQr: false, role: 'member' as const, avatar: null }
]

beforeEach(() => {
  calls = []
  group = groupView({
    name: '周末露营',
    me: 'org',
    members,
    balances: { org: 8650, red: -4325, pat: -4325 },
    plan: [
      { from: 'red', to: 'org', amount: 4325, state: 'open' },
      { from: 'pat', to: 'org', amount: 4325, state: 'open' }
    ],
    expenseCount: 1
  })
  answer = (input) => ({
    reminders: input.transfer ? [{ ...(input.transfer as object), amount: 4325, by: 'org', byName: '小明', at: new Date().toISOString() }] : [],
    skipped: [],
    messages: 1
  })
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true, privacyConsent: '2026-11-01T00:00:00.000Z' }) // agreed to the privacy guide before (the clipboard needs it)
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'g1', groupId: 'g1' } } })
  ;(Taro.setClipboardData as jest.Mock).mockClear()
  playFunction(calls, (action, input) => {
    if (action === 'getGroup') return { group }
    if (action === 'listExpenses') return { items: [], nextCursor: null }
    if (action === 'remindTransfers') return answer(input)
    if (action === 'payOptions') return { payees: {} }
    if (action === 'getTransfers') return { items: [] }
    return undefined
  })
})

const settled = () => act(async () => new Promise((r) => setTimeout(r, 0)))
const tap = (testId: string) => act(async () => void fireEvent.click(screen.getByTestId(testId)))

async function openSettleTab() {
  openPage(<GroupPage />)
  await screen.findByText('周末露营')
  await act(async () => void fireEvent.click(screen.getByTestId('group-tab-settle')))
}

test('remind one payer: recorded with the function, then the reminder for the chat with a link to that transfer', async () => {
  await openSettleTab()
  await tap('plan-action-red-org')
  await settled()
  expect(calls.find((c) => c.action === 'remindTransfers')!.input).toMatchObject({ groupId: 'g1', transfer: { from: 'red', to: 'org' } })
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '小红 会收到一条服务通知' }))
  const sheet = screen.getByTestId('remind-sheet')
  expect(sheet.textContent).toContain('发给 小红 的提醒')
  expect(sheet.textContent).toContain('小明 提醒你：¥43.25 付给 小明 · 周末露营')
  // the preview has no chat to share to: the text is copied, with the link to the settle page on this transfer
  expect(screen.queryByTestId('remind-share')).toBeNull()
  await tap('remind-copy')
  const copied = String((Taro.setClipboardData as jest.Mock).mock.calls[0][0].data)
  expect(copied).toMatch(/^小明 提醒你：¥43\.25 付给 小明 · 周末露营 http.*#\/pages\/settle\/index\?groupId=g1&from=red&to=org$/)
  await tap('remind-close')
  expect(screen.queryByTestId('remind-sheet')).toBeNull()
})

test('too soon: who reminded and in how many hours the next is possible; no card', async () => {
  const nextAt = new Date(Date.now() + 5.5 * 3600_000).toISOString()
  answer = () => new Refuse(409, 'REMINDER_TOO_SOON', { nextAt, by: '小红', at: new Date().toISOString() })
  await openSettleTab()
  await tap('plan-action-red-org')
  await settled()
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '小红 刚提醒过，6 小时后可再提醒' }))
  expect(screen.queryByTestId('remind-sheet')).toBeNull()
})

test('the last reminder shows under its line', async () => {
  group = { ...group, reminders: [{ from: 'pat', to: 'org', amount: 4325, by: 'red', byName: '小红', at: new Date(Date.now() - 3 * 3600_000).toISOString() }] }
  await openSettleTab()
  expect(screen.getByTestId('plan-note-pat-org').textContent).toBe('小红 3 小时前提醒过')
  expect(screen.queryByTestId('plan-note-red-org')).toBeNull()
})

test('the organizer reminds everyone who still owes at once', async () => {
  answer = () => ({
    reminders: [
      { from: 'red', to: 'org', amount: 4325, by: 'org', byName: '小明', at: new Date().toISOString() },
      { from: 'pat', to: 'org', amount: 4325, by: 'org', byName: '小明', at: new Date().toISOString() }
    ],
    skipped: [],
    messages: 0
  })
  await openSettleTab()
  await tap('remind-all')
  await settled()
  expect(calls.find((c) => c.action === 'remindTransfers')!.input).not.toHaveProperty('transfer')
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已提醒 2 人' }))
  expect(screen.getByTestId('remind-sheet').textContent).toContain('「周末露营」还有 2 笔待付款，点开就能付')
})

test('a member who is not the organizer is not offered "remind everyone"', async () => {
  group = { ...group, me: 'red' }
  await openSettleTab()
  expect(screen.queryByTestId('remind-all')).toBeNull()
})

test('the settle page opened from a reminder card says whose transfer it is, and shows the payer that transfer first', async () => {
  group = {
    ...group,
    me: 'red',
    members: [...members, { id: 'bo', name: 'Bo', userId: 'u3', wallet: null, hasQr: false, role: 'member' as const, avatar: null }],
    plan: [
      { from: 'red', to: 'bo', amount: 100, state: 'open' },
      { from: 'red', to: 'org', amount: 4225, state: 'open' }
    ]
  }
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1', from: 'red', to: 'org' } } })
  openPage(<SettlePage />)
  await screen.findByTestId('settle-focus')
  expect(screen.getByTestId('settle-focus').textContent).toBe('有人提醒你：付给 小明 ¥42.25，下面一步就能付')
  const cards = screen.getAllByTestId(/^pay-(org|bo)$/).map((el) => el.getAttribute('data-testid'))
  expect(cards).toEqual(['pay-org', 'pay-bo'])
})

test('opened by someone else, or once paid, the page says so', async () => {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1', from: 'red', to: 'org' } } })
  openPage(<SettlePage />)
  expect((await screen.findByTestId('settle-focus')).textContent).toBe('这条提醒是给 小红 的：付给 小明 ¥43.25')
})
