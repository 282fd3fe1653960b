/**
 * Leaving, removing, archiving and deleting from the settings page: each asks first; what cannot be done yet says
 * why (the amount left to settle) without calling the function; what can calls it once and the page follows (a
 * removed member moves to "left", leaving goes home, an archived group turns read-only). The home page lists
 * archived groups apart, and the expense form no longer offers someone who left.
 */
import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ExpenseView, GroupView } from '@/api/views'
import GroupSettingsPage from '@/pages/group-settings'
import GroupsPage from '@/pages/index'
import { selectableMembers } from '@/selectors/members'
import { groupsStore } from '@/store/groups'
import { sessionStore } from '@/store/session'
import { openPage } from '../doubles/page'
import { groupView, playFunction, type Call } from './fixtures'

let calls: Call[]
let group: GroupView

const members = [
  { id: 'm1', name: '小明', userId: 'u1', wallet: null, hasQr: false, role: 'organizer' as const, avatar: null },
  { id: 'm2', name: '小虹', userId: null, wallet: null, hasQr: false, role: 'member' as const, avatar: null },
  { id: 'm3', name: 'Bo', userId: 'u3', wallet: null, hasQr: false, role: 'member' as const, avatar: null }
]

function play() {
  playFunction(calls, (action, input) => {
    if (action === 'getGroup') return { group }
    if (action === 'removeMember') {
      group = { ...group, version: group.version + 1, members: group.members.map((m) => (m.id === input.memberId ? { ...m, left: true } : m)) }
      return { group }
    }
    if (action === 'archiveGroup') {
      group = { ...group, version: group.version + 1, archived: Boolean(input.archived) }
      return { group }
    }
    if (action === 'leaveGroup') return { groupId: group.id, archived: false, version: group.version + 1 }
    if (action === 'deleteGroup') return { groupId: group.id, version: group.version + 1 }
    if (action === 'listGroups') return { items: [], nextCursor: null, totals: [] }
    return undefined
  })
}

beforeEach(() => {
  calls = []
  group = groupView({ me: 'm1', members, balances: { m1: 0, m2: 0, m3: 0 }, plan: [], expenseCount: 2 })
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1' } } })
  play()
})

const settled = () => act(async () => new Promise((r) => setTimeout(r, 0)))
const tap = (testId: string) => act(async () => void fireEvent.click(screen.getByTestId(testId)))
const called = (action: string) => calls.filter((c) => c.action === action)

test('a member with a balance is not removed: the page says how much is left, the function is not asked', async () => {
  group = { ...group, balances: { m1: 8650, m2: -8650, m3: 0 } }
  openPage(<GroupSettingsPage />)
  await screen.findByTestId('settings-remove-m2')
  await tap('settings-remove-m2')
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '小虹 还有 ¥86.50 未结清，结清后才能移除' }))
  expect(called('removeMember')).toHaveLength(0)
  expect(Taro.showModal).not.toHaveBeenCalled()
})

test('removing asks first, then the member moves to "left", greyed, with no buttons', async () => {
  openPage(<GroupSettingsPage />)
  await screen.findByTestId('settings-remove-m3')
  ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
  await tap('settings-remove-m3')
  expect(called('removeMember')).toHaveLength(0)
  await tap('settings-remove-m3')
  await settled()
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '把 Bo 移出账本？' }))
  expect(called('removeMember')[0]!.input).toMatchObject({ groupId: 'g1', memberId: 'm3' })
  expect(screen.getByTestId('settings-left-m3').textContent).toContain('已退出')
  expect(screen.queryByTestId('settings-remove-m3')).toBeNull()
  expect(screen.queryByTestId('settings-member-m3')).toBeNull()
})

test('someone who is not the organizer may remove a placeholder, not someone who joined, and cannot archive or delete', async () => {
  group = { ...group, me: 'm3' }
  openPage(<GroupSettingsPage />)
  await screen.findByTestId('settings-remove-m2')
  expect(screen.queryByTestId('settings-remove-m1')).toBeNull()
  expect(screen.queryByTestId('settings-archive')).toBeNull()
  expect(screen.queryByTestId('settings-delete')).toBeNull()
  expect(screen.getByText('只有组织者可以归档或删除账本')).toBeTruthy()
})

test('leaving with a balance says how much first; at zero it asks, leaves, forgets the group and goes home', async () => {
  group = { ...group, balances: { m1: -1200, m2: 1200, m3: 0 } }
  openPage(<GroupSettingsPage />)
  await screen.findByTestId('settings-leave')
  await tap('settings-leave')
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '你还有 ¥12.00 未结清，结清后才能退出' }))
  expect(called('leaveGroup')).toHaveLength(0)

  group = { ...group, balances: { m1: 0, m2: 0, m3: 0 }, version: group.version + 1 }
  await act(async () => void (await groupsStore.getState().loadGroup('g1')))
  await tap('settings-leave')
  await settled()
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '退出「Trip」？', content: '账本会从你的列表中消失，记录保留。' }))
  expect(called('leaveGroup')[0]!.input).toMatchObject({ groupId: 'g1' })
  expect(groupsStore.getState().groups.g1).toBeUndefined()
  expect(groupsStore.getState().list.some((g) => g.id === 'g1')).toBe(false)
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
})

test('archive turns the page read-only (no save, no add, no rename); restore brings it back', async () => {
  openPage(<GroupSettingsPage />)
  await screen.findByTestId('settings-archive')
  await tap('settings-archive')
  await settled()
  expect(called('archiveGroup')[0]!.input).toMatchObject({ groupId: 'g1', archived: true })
  expect(screen.getByTestId('settings-read-only')).toBeTruthy()
  expect(screen.getByTestId('settings-summary').textContent).toContain('Trip')
  expect(screen.queryByTestId('settings-name')).toBeNull()
  expect(screen.queryByTestId('settings-save')).toBeNull()
  expect(screen.queryByTestId('settings-add')).toBeNull()
  expect(screen.queryByTestId('settings-remove-m2')).toBeNull()
  await tap('settings-restore')
  await settled()
  expect(called('archiveGroup')[1]!.input).toMatchObject({ archived: false })
  expect(screen.getByTestId('settings-save')).toBeTruthy()
})

test('delete: only once settled, after saying yes; then the group is gone from the phone', async () => {
  group = { ...group, balances: { m1: 100, m2: -100, m3: 0 } }
  openPage(<GroupSettingsPage />)
  await screen.findByTestId('settings-delete')
  await tap('settings-delete')
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '全部结清之后才能删除账本' }))
  expect(called('deleteGroup')).toHaveLength(0)
  group = { ...group, balances: { m1: 0, m2: 0, m3: 0 }, version: group.version + 1 }
  await act(async () => void (await groupsStore.getState().loadGroup('g1')))
  await tap('settings-delete')
  await settled()
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '删除「Trip」？' }))
  expect(called('deleteGroup')).toHaveLength(1)
  expect(groupsStore.getState().groups.g1).toBeUndefined()
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
})

test('the home page lists archived groups apart, folded', async () => {
  const summary = (id: string, name: string, archived: boolean) => ({ id, name, currency: 'CNY', emoji: '🏕️', version: 1, me: 'm1', memberCount: 3, myBalance: 0, createdAt: '2026-11-01T00:00:00.000Z', archived })
  playFunction(calls, (action) => (action === 'listGroups' ? { items: [summary('g1', '周末露营', false), summary('g2', '去年春游', true)], nextCursor: null, totals: [] } : undefined))
  openPage(<GroupsPage />)
  await screen.findByTestId('group-g1')
  expect(screen.queryByTestId('group-g2')).toBeNull()
  expect(screen.getByTestId('toggle-archived').textContent).toContain('已归档（1）')
  await tap('toggle-archived')
  expect(screen.getByTestId('group-g2').className).toContain('gcard--archived')
})

test('the expense form offers members who left only in an old expense that has them', () => {
  const withLeft = [...members, { id: 'm4', name: 'Cy', userId: 'u4', wallet: null, hasQr: false, role: 'member' as const, avatar: null, left: true }]
  expect(selectableMembers(withLeft).map((m) => m.id)).toEqual(['m1', 'm2', 'm3'])
  const old = { expense: { paidBy: { m1: 300 } } as unknown as ExpenseView['expense'], shares: { m1: 100, m2: 100, m4: 100 } }
  expect(selectableMembers(withLeft, old).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4'])
  const other = { ...old, shares: { m1: 150, m2: 150 } }
  expect(selectableMembers(withLeft, other).map((m) => m.id)).toEqual(['m1', 'm2', 'm3'])
})
