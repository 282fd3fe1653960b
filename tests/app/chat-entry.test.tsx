/**
 * Opened from a card in a WeChat chat (a shareTicket in the enter options): the weapp platform code asks
 * wx.getGroupEnterInfo for the chat's encrypted data; the home page shows that chat's ledgers first
 * (groupsForChat) and the join page links the group to the chat (linkChat). The alipay and H5 targets have no
 * chat data. `@/platform/share` is the real weapp file here, over the Taro double; the function is a transport.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import GroupsPage from '@/pages/index'
import JoinPage from '@/pages/join'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'
import { chatFirst } from '@/selectors/groups'

import { groupSummary } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

jest.mock('@/platform/share', () => jest.requireActual('@/platform/share.weapp'))

const CHAT = { encryptedData: 'ENCRYPTED-CHAT-DATA==', iv: 'IV-OF-THE-CHAT-DATA=' }

const summary = (i: number) => groupSummary(i, new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString())

const groupView: GroupView = {
  id: 'g7',
  name: 'Trip',
  currency: 'CNY',
  emoji: '🏕',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  me: 'm1',
  members: [],
  balances: {},
  plan: [],
  pendingPayments: [],
  expenseCount: 0,
  totalSpent: 0,
  chats: 0
}

const requests: Envelope[] = []
const taro = Taro as unknown as Record<string, unknown>
let enter: { path: string; scene: number; shareTicket?: string }
const getGroupEnterInfo = jest.fn(async () => ({ errMsg: 'getGroupEnterInfo:ok', ...CHAT }))

beforeEach(() => {
  requests.length = 0
  getGroupEnterInfo.mockClear()
  enter = { path: 'pages/index/index', scene: 1007 }
  Object.assign(taro, { getEnterOptionsSync: () => enter, getLaunchOptionsSync: () => enter, getGroupEnterInfo })
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true })
  setTransport(async (envelope: Envelope) => {
    requests.push(envelope)
    const ok = (data: unknown) => ({ status: 200, body: { ok: true as const, data } })
    switch (envelope.action) {
      case 'listGroups':
        return ok({ items: [0, 1, 2, 3].map(summary), nextCursor: null })
      case 'groupsForChat': {
        const input = envelope.input as typeof CHAT
        return ok({ groupIds: input.encryptedData === CHAT.encryptedData && input.iv === CHAT.iv ? ['g3', 'g1'] : [] })
      }
      case 'previewInvite':
        return ok({ invite: { groupId: 'g7', name: 'Trip', emoji: '🏕', currency: 'CNY', memberCount: 2, placeholders: [], alreadyMember: false } })
      case 'joinGroup':
        return ok({ group: groupView })
      case 'linkChat':
        return ok({ groupId: (envelope.input as { groupId: string }).groupId, chats: 1 })
      default:
        return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: '' } } }
    }
  })
})

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))))
const order = () => screen.queryAllByTestId(/^group-g\d+$/).map((el) => el.getAttribute('data-testid'))

test('opened from a chat card, the home page lists that chat’s ledgers first', async () => {
  enter = { path: 'pages/index/index', scene: 1044, shareTicket: 'ticket-1' }
  render(<GroupsPage />)
  await screen.findByTestId('group-g0')
  await settle()
  expect(getGroupEnterInfo).toHaveBeenCalled()
  expect(requests.find((r) => r.action === 'groupsForChat')?.input).toEqual(CHAT)
  expect(order()).toEqual(['group-g3', 'group-g1', 'group-g0', 'group-g2'])
})

test('opened without a share ticket, nothing is asked and the order stays', async () => {
  render(<GroupsPage />)
  await screen.findByTestId('group-g0')
  await settle()
  expect(getGroupEnterInfo).not.toHaveBeenCalled()
  expect(requests.some((r) => r.action === 'groupsForChat')).toBe(false)
  expect(order()).toEqual(['group-g0', 'group-g1', 'group-g2', 'group-g3'])
})

test('joining from a chat card links the group to that chat', async () => {
  enter = { path: 'pages/join/index', scene: 1044, shareTicket: 'ticket-2' }
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { token: 'tok_aaaaaaaaaaaaaaaaaaaa' } } })
  render(<JoinPage />)
  fireEvent.click(await screen.findByTestId('join-submit'))
  await settle()
  const link = requests.find((r) => r.action === 'linkChat')
  expect(link?.input).toEqual({ groupId: 'g7', clientId: expect.any(String), ...CHAT })
  expect(requests.map((r) => r.action).indexOf('linkChat')).toBeGreaterThan(requests.map((r) => r.action).indexOf('joinGroup'))
})

test('a failed getGroupEnterInfo means no chat (joining still works, nothing is linked)', async () => {
  enter = { path: 'pages/join/index', scene: 1044, shareTicket: 'ticket-3' }
  getGroupEnterInfo.mockRejectedValueOnce(new Error('getGroupEnterInfo:fail'))
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { token: 'tok_aaaaaaaaaaaaaaaaaaaa' } } })
  render(<JoinPage />)
  fireEvent.click(await screen.findByTestId('join-submit'))
  await settle()
  expect(requests.some((r) => r.action === 'joinGroup')).toBe(true)
  expect(requests.some((r) => r.action === 'linkChat')).toBe(false)
})

test('chatFirst keeps the chat’s order, then the rest as they were', () => {
  const list = [0, 1, 2, 3, 4].map(summary)
  expect(chatFirst(list, ['g4', 'g2', 'g9']).map((g) => g.id)).toEqual(['g4', 'g2', 'g0', 'g1', 'g3'])
  expect(chatFirst(list, [])).toBe(list)
})

test('alipay and the H5 preview have no chat data', async () => {
  enter = { path: 'pages/index/index', scene: 1044, shareTicket: 'ticket-4' }
  const alipay = jest.requireActual<typeof import('@/platform/share.alipay')>('@/platform/share.alipay')
  const h5 = jest.requireActual<typeof import('@/platform/share.h5')>('@/platform/share.h5')
  expect(await alipay.enteredChat()).toBeNull()
  expect(await h5.enteredChat()).toBeNull()
  expect(getGroupEnterInfo).not.toHaveBeenCalled()
})
