/**
 * Notifications in the app: Me lists each kind with a switch kept by the function and what was told to the
 * platform; the platform's panel is opened from Me (all wanted kinds) and after adding an expense (only those not
 * answered, once a session), each answer recorded with recordConsent. Groups changed by someone else carry an unread
 * mark until opened; the activity page marks what is new since.
 */
import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { MessageKind, type NotifySettings } from '@/api/messages'
import type { GroupView } from '@/api/views'
import ActivityPage from '@/pages/activity'
import GroupPage from '@/pages/group'
import GroupsPage from '@/pages/index'
import MePage from '@/pages/me'
import * as subscribe from '@/platform/subscribe'
import { idsToAsk, offerSubscription, loadNotifySettings, resetNotifySettings } from '@/services/subscribe'
import { groupsStore } from '@/store/groups'
import { sessionStore } from '@/store/session'
import { openPage } from '../doubles/page'
import { groupView, playFunction, type Call } from './fixtures'

let calls: Call[]
let settings: NotifySettings

const templates = { reminder: 'T-R', expense: 'T-E', paid: 'T-P', confirmed: 'T-C' }

beforeEach(() => {
  calls = []
  resetNotifySettings()
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true, user: { id: 'u0', name: '小明', wallet: 'wechat', hasQr: false, locale: 'zh-CN' } })
  settings = { platform: 'wechat', templates, prefs: { reminder: true, expense: true, paid: true, confirmed: true }, consents: { reminder: { state: 'accept', credits: 1 }, paid: { state: 'reject', credits: 0 } } }
  playFunction(calls, (action, input) => {
    if (action === 'getNotifySettings') return settings
    if (action === 'setNotifyPrefs') return (settings = { ...settings, prefs: { ...settings.prefs, ...(input.prefs as object) } })
    if (action === 'recordConsent') {
      const results = input.results as Record<string, string>
      const consents = { ...settings.consents }
      for (const [kind, id] of Object.entries(templates)) if (results[id]) consents[kind] = { state: results[id] as 'accept', credits: results[id] === 'accept' ? 1 : 0 }
      return (settings = { ...settings, consents })
    }
    return undefined
  })
})

const settled = () => act(async () => new Promise((r) => setTimeout(r, 0)))

test('the app lists every kind the function has', () => {
  // the Me page keeps its own list (the app bundles no schema): it must be the function's
  openPage(<MePage />)
  return screen.findByTestId('me-notify').then(() => {
    expect(MessageKind.options.map((k) => !!screen.queryByTestId(`me-notify-${k}`))).toEqual([true, true, true, true])
  })
})

test('Me: a switch per kind saved with the function, what the platform was told, and the panel asked again for every wanted kind', async () => {
  const ask = jest.spyOn(subscribe, 'askToSubscribe').mockResolvedValue({ 'T-R': 'accept', 'T-C': 'accept', 'T-P': 'reject' })
  openPage(<MePage />)
  await screen.findByTestId('me-notify')
  expect(screen.getByTestId('me-notify-reminder').textContent).toContain('已订阅')
  expect(screen.getByTestId('me-notify-paid').textContent).toContain('已拒绝')
  expect(screen.getByTestId('me-notify-expense').textContent).toContain('未订阅')
  await act(async () => void fireEvent.click(screen.getByTestId('me-notify-switch-expense')))
  await settled()
  expect(calls.find((c) => c.action === 'setNotifyPrefs')!.input).toMatchObject({ prefs: { expense: false } })
  await act(async () => void fireEvent.click(screen.getByTestId('me-notify-ask')))
  await settled()
  // expense is off now: the three others are asked (WeChat shows three at most)
  expect(ask).toHaveBeenCalledWith(['T-R', 'T-C', 'T-P'])
  expect(calls.find((c) => c.action === 'recordConsent')!.input).toMatchObject({ results: { 'T-R': 'accept', 'T-C': 'accept', 'T-P': 'reject' } })
  expect(screen.getByTestId('me-notify-confirmed').textContent).toContain('已订阅')
  ask.mockRestore()
})

test('in the browser preview Me says where messages arrive, and offers no panel', async () => {
  settings = { ...settings, platform: null, templates: {}, consents: {} }
  openPage(<MePage />)
  await screen.findByTestId('me-notify')
  expect(screen.getByTestId('me-notify').textContent).toContain('在微信或支付宝小程序里才能收到服务通知')
  expect(screen.queryByTestId('me-notify-ask')).toBeNull()
})

test('after an expense: only kinds not answered (or used up) are asked, once a session; a refusal is respected', async () => {
  const ask = jest.spyOn(subscribe, 'askToSubscribe').mockResolvedValue({ 'T-C': 'accept' })
  settings = { ...settings, consents: { reminder: { state: 'used', credits: 0 }, paid: { state: 'reject', credits: 0 }, expense: { state: 'ban', credits: 0 } } }
  expect(idsToAsk(settings)).toEqual(['T-R', 'T-C'])
  await loadNotifySettings()
  offerSubscription()
  offerSubscription()
  await settled()
  expect(ask).toHaveBeenCalledTimes(1)
  expect(ask).toHaveBeenCalledWith(['T-R', 'T-C'])
  ask.mockRestore()
})

test('unread: the home page marks a group someone else changed; opening it marks it seen; the activity page marks what is new', async () => {
  const group: GroupView = groupView({
    version: 9,
    me: 'm1',
    members: [
      { id: 'm1', name: '小明', userId: 'u0', wallet: 'wechat', hasQr: false, role: 'organizer', avatar: null },
      { id: 'm2', name: '小红', userId: 'u1', wallet: 'alipay', hasQr: false, role: 'member', avatar: null }
    ],
    balances: { m1: 0, m2: 0 },
    plan: []
  })
  playFunction(calls, (action) => {
    if (action === 'listGroups')
      return { items: [{ id: 'g1', name: 'Trip', currency: 'CNY', emoji: '🏕️', version: 9, me: 'm1', memberCount: 2, myBalance: 0, createdAt: '2026-11-01T00:00:00.000Z', unread: true, seenVersion: 7 }], nextCursor: null, totals: [] }
    if (action === 'getGroup') return { group }
    if (action === 'listExpenses') return { items: [], nextCursor: null }
    if (action === 'markSeen') return { groupId: 'g1', version: 9 }
    if (action === 'listActivity')
      return {
        items: [9, 8, 7].map((v) => ({ id: `a${v}`, at: '2026-11-29T10:00:00.000Z', kind: 'member.add', actor: { memberId: v === 8 ? 'm1' : 'm2', name: v === 8 ? '小明' : '小红' }, version: v, data: { name: `P${v}` } })),
        nextCursor: null
      }
    return undefined
  })
  const home = openPage(<GroupsPage />)
  await screen.findByTestId('unread-g1')
  home.unmount()
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: 'g1', groupId: 'g1' } } })
  const page = openPage(<GroupPage />)
  await screen.findByTestId('open-settings')
  await settled()
  page.unmount()
  expect(calls.filter((c) => c.action === 'markSeen').map((c) => c.input)).toEqual([{ groupId: 'g1', version: 9 }])
  expect(groupsStore.getState().list[0]).toMatchObject({ unread: false, seenVersion: 9 })
  openPage(<ActivityPage />)
  await screen.findAllByTestId('activity-item')
  // version 9 by someone else is new; 8 is my own; 7 I had seen
  expect(screen.getByTestId('activity-new-9')).toBeTruthy()
  expect(screen.queryByTestId('activity-new-8')).toBeNull()
  expect(screen.queryByTestId('activity-new-7')).toBeNull()
})
