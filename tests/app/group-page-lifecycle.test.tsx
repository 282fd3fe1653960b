/**
 * The group page under a Taro double that behaves like the runtime (tests/doubles/taro.ts, page.tsx): opening it
 * loads the group and the first page of expenses once; coming back from another page loads them again; pulling
 * down reloads and then stops the pull-down; reaching the bottom asks for the next page by its cursor, and on
 * another tab asks for nothing; leaving the page unregisters its handlers.
 */
import { act, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ExpenseView } from '@/api/views'
import GroupPage from '@/pages/group'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'

import { openPage } from '../doubles/page'
import { groupView } from './fixtures'
import { page } from '../doubles/taro'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

const group = groupView({
  name: '露营',
  version: 4,
  me: 'ann',
  members: [
    { id: 'ann', name: 'Ann', userId: 'u1', wallet: 'wechat', hasQr: false, role: 'organizer' },
    { id: 'bo', name: 'Bo', userId: 'u2', wallet: 'alipay', hasQr: false, role: 'member' }
  ],
  balances: { ann: 0, bo: 0 },
  plan: [],
  expenseCount: 60,
  totalSpent: 60 * 1000
})

const expense = (i: number): ExpenseView => ({
  id: `e${i}`,
  groupId: 'g1',
  expense: { id: `e${i}`, amount: 1000, paidBy: { ann: 1000 }, split: { mode: 'equal', members: ['ann', 'bo'] } },
  description: `Item ${i}`,
  category: 'food',
  date: '2026-11-20',
  createdBy: 'ann',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  shares: { ann: 500, bo: 500 }
})

const requests: Array<{ action: string; cursor?: string }> = []
const count = (action: string) => requests.filter((r) => r.action === action).length

beforeEach(() => {
  requests.length = 0
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'g1' } } })
  ;(Taro.stopPullDownRefresh as jest.Mock).mockClear()
  setTransport(async (envelope: Envelope) => {
    const input = envelope.input as { cursor?: string }
    requests.push({ action: envelope.action, ...(input.cursor ? { cursor: input.cursor } : {}) })
    const ok = (data: unknown) => ({ status: 200, body: { ok: true as const, data } })
    if (envelope.action === 'getGroup') return ok({ group })
    if (envelope.action === 'listExpenses') {
      const start = input.cursor === 'p2' ? 50 : 0
      const items = Array.from({ length: start === 0 ? 50 : 10 }, (_, k) => expense(start + k))
      return ok({ items, nextCursor: start === 0 ? 'p2' : null })
    }
    return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: envelope.action } } }
  })
})

const settled = () => act(async () => new Promise((r) => setTimeout(r, 0)))

test('open, come back, pull down, reach the bottom, leave', async () => {
  const { unmount } = openPage(<GroupPage />)
  await screen.findByText('露营')
  await settled()
  // opening the page (onLoad, then onShow before the effects) loads each once
  expect([count('getGroup'), count('listExpenses')]).toEqual([1, 1])

  await act(async () => page.returnFromAnotherPage())
  await settled()
  expect([count('getGroup'), count('listExpenses')]).toEqual([2, 2])

  await act(async () => page.pullDownRefresh())
  await settled()
  expect([count('getGroup'), count('listExpenses')]).toEqual([3, 3])
  expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1)

  await act(async () => page.reachBottom())
  await settled()
  expect(requests.filter((r) => r.cursor)).toEqual([{ action: 'listExpenses', cursor: 'p2' }])
  // the last page had no cursor: reaching the bottom again asks for nothing
  await act(async () => page.reachBottom())
  await settled()
  expect(requests.filter((r) => r.cursor)).toHaveLength(1)

  unmount()
  expect([page.listeners('show'), page.listeners('pullDownRefresh'), page.listeners('reachBottom')]).toEqual([0, 0, 0])
})

test('on the balances tab, reaching the bottom asks for no expenses', async () => {
  openPage(<GroupPage />)
  await screen.findByText('露营')
  await settled()
  await act(async () => screen.getByTestId('group-tab-balances').click())
  await act(async () => page.reachBottom())
  await settled()
  expect(requests.filter((r) => r.cursor)).toEqual([])
})
