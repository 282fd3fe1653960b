/**
 * Namesakes are told apart, never merged: "Bo" and "Bo (2)" in the group's order, on every screen that shows the
 * group's members (through the groups store), and a real name that looks like a number is not taken twice.
 */
import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SettlePage from '@/pages/settle'

import { distinctNames } from '@/selectors/names'

import { groupView, playFunction } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'
import { queueStore } from '@/store/queue'

const m = (id: string, name: string) => ({ id, name })

test('the first keeps the name, later namesakes get a number, without case or spaces deciding', () => {
  expect(distinctNames([m('a', 'Bo'), m('b', 'Ann'), m('c', 'bo '), m('d', 'Bo')]).map((x) => x.name)).toEqual(['Bo', 'Ann', 'bo (2)', 'Bo (3)'])
  // someone really called "Bo (2)" keeps it; the namesake takes the next number
  expect(distinctNames([m('a', 'Bo'), m('b', 'Bo (2)'), m('c', 'Bo')]).map((x) => x.name)).toEqual(['Bo', 'Bo (2)', 'Bo (3)'])
  // nothing else changes, and distinct names are left alone
  const members = [m('a', '小红'), m('b', '小刚')]
  expect(distinctNames(members)).toEqual(members)
})

test('the settle page names two people called Bo apart', async () => {
  const group = groupView({
    me: 'ann',
    members: [
      { id: 'ann', name: 'Ann', userId: 'u1', wallet: 'wechat', hasQr: false, role: 'organizer' },
      { id: 'bo1', name: 'Bo', userId: 'u2', wallet: 'alipay', hasQr: false, role: 'member' },
      { id: 'bo2', name: 'Bo', userId: 'u3', wallet: 'wechat', hasQr: false, role: 'member' }
    ],
    balances: { ann: -3000, bo1: 1000, bo2: 2000 },
    plan: [
      { from: 'ann', to: 'bo1', amount: 1000, state: 'open' },
      { from: 'ann', to: 'bo2', amount: 2000, state: 'open' }
    ]
  })
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1' } } })
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true })
  queueStore.setState({ items: [], failed: [] })
  groupsStore.getState().reset()
  playFunction([], (action) => (action === 'getGroup' ? { group } : undefined))
  groupsStore.getState().putGroup(group)
  render(<SettlePage />)
  expect((await screen.findByTestId('pay-bo1')).textContent).toContain('Pay Bo')
  expect(screen.getByTestId('pay-bo1').textContent).not.toContain('Bo (2)')
  expect(screen.getByTestId('pay-bo2').textContent).toContain('Pay Bo (2)')
})
