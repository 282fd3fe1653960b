/**
 * The people view: each person with the net per currency (never converted) and each group's own transfers between
 * us, with the way to settle in that group; the home page's totals open it; "all settled" when nobody is open.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonView } from '@/api/actions'
import PeoplePage from '@/pages/people'
import GroupsPage from '@/pages/index'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'

import { groupSummary } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

let people: PersonView[] = []

beforeEach(() => {
  ;(Taro.navigateTo as jest.Mock).mockClear()
  groupsStore.getState().reset()
  setTransport(async (envelope: Envelope) => {
    const ok = (data: unknown) => ({ status: 200, body: { ok: true as const, data } })
    if (envelope.action === 'listPeople') return ok({ people })
    if (envelope.action === 'listGroups') return ok({ items: [groupSummary(0, '2026-11-01T00:00:00.000Z')], nextCursor: null, totals: [{ currency: 'CNY', owe: 0, owed: 2000, groups: 1 }] })
    return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: envelope.action } } }
  })
})

const bo: PersonView = {
  key: 'u-bo',
  userId: 'u-bo',
  name: 'Bo',
  nets: [
    { currency: 'CNY', amount: 500 },
    { currency: 'JPY', amount: -500 }
  ],
  groups: [
    { groupId: 'g1', groupName: 'Trip', emoji: '🏕', currency: 'CNY', memberId: 'bo1', transfers: [{ from: 'bo1', to: 'me1', amount: 2000, state: 'pending' }] },
    { groupId: 'g2', groupName: 'Lunch', emoji: '🍜', currency: 'CNY', memberId: 'bo2', transfers: [{ from: 'me2', to: 'bo2', amount: 1500, state: 'open' }] },
    { groupId: 'g3', groupName: 'Tokyo', emoji: '🗼', currency: 'JPY', memberId: 'bo3', transfers: [{ from: 'me3', to: 'bo3', amount: 500, state: 'open' }] }
  ]
}

test('a person: the net per currency and each group with its own transfers, in English', async () => {
  people = [bo]
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true })
  render(<PeoplePage />)
  const card = await screen.findByTestId('person-u-bo')
  expect(screen.getByTestId('person-net-CNY').textContent).toBe('Owes youCN¥5.00')
  expect(screen.getByTestId('person-net-JPY').textContent).toBe('You owe¥500')
  expect(screen.getByTestId('person-group-g1').textContent).toContain('Bo pays you · paid, to confirm')
  expect(screen.getByTestId('person-group-g2').textContent).toContain('You pay Bo')
  expect(card.textContent).toContain('🗼 Tokyo')
  await act(async () => void fireEvent.click(screen.getByTestId('person-settle-g2')))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/settle/index?groupId=g2' })
})

test('two different people with the same name are told apart', async () => {
  people = [bo, { ...bo, key: 'u-bo-2', userId: 'u-bo-2' }]
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true })
  render(<PeoplePage />)
  expect((await screen.findByTestId('person-u-bo-2')).textContent).toContain('Bo (2)')
  expect(screen.getByTestId('person-u-bo').textContent).not.toContain('Bo (2)')
})

test('nobody open, in Chinese', async () => {
  people = []
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  render(<PeoplePage />)
  expect(await screen.findByText('都结清了')).toBeTruthy()
})

test("the home page's totals open the people view", async () => {
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  render(<GroupsPage />)
  const totals = await screen.findByTestId('totals')
  expect(totals.textContent).toContain('按人查看')
  await act(async () => void fireEvent.click(totals))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/people/index' })
})
