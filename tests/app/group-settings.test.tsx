/**
 * The group settings page: the name, cover and currency saved in one updateGroup with the version the page saw; the
 * currency fixed once something is recorded; a placeholder renamed; a member added later; a refusal shown in the
 * person's language. The group header opens it.
 */
import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import GroupSettingsPage from '@/pages/group-settings'
import { groupsStore } from '@/store/groups'
import { sessionStore } from '@/store/session'
import { openPage } from '../doubles/page'
import { groupView, playFunction, Refuse, type Call } from './fixtures'

let calls: Call[]
let group: GroupView

const members = [
  { id: 'm1', name: '小明', userId: 'u1', wallet: null, hasQr: false, role: 'organizer' as const, avatar: null },
  { id: 'm2', name: '小虹', userId: null, wallet: null, hasQr: false, role: 'member' as const, avatar: null }
]

function play(refuse?: Refuse) {
  playFunction(calls, (action, input) => {
    if (action === 'getGroup') return { group }
    if (action === 'updateGroup') {
      if (refuse) return refuse
      group = { ...group, ...(input as Partial<GroupView>), version: group.version + 1 }
      return { group }
    }
    if (action === 'renameMember') {
      group = { ...group, version: group.version + 1, members: group.members.map((m) => (m.id === input.memberId ? { ...m, name: String(input.name) } : m)) }
      return { member: group.members.find((m) => m.id === input.memberId), version: group.version }
    }
    if (action === 'addMember') {
      const member = { id: 'm3', name: String(input.name), userId: null, wallet: null, hasQr: false, role: 'member' as const, avatar: null }
      group = { ...group, version: group.version + 1, members: [...group.members, member] }
      return { member, version: group.version }
    }
    return undefined
  })
}

beforeEach(() => {
  calls = []
  group = groupView({ me: 'm1', members, balances: { m1: 0, m2: 0 }, plan: [], expenseCount: 0 })
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { groupId: 'g1' } } })
  play()
})

const settled = () => act(async () => new Promise((r) => setTimeout(r, 0)))
const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value }, detail: { value } })

test('name, cover and currency are saved in one change, with the version the page saw', async () => {
  openPage(<GroupSettingsPage />)
  await screen.findByDisplayValue('Trip')
  type('settings-name', '周末徒步')
  await act(async () => void fireEvent.click(screen.getByTestId('cover-🎿')))
  fireEvent.change(screen.getByTestId('settings-currency'), { detail: { value: 2 } })
  await act(async () => void fireEvent.click(screen.getByTestId('settings-save')))
  await settled()
  const update = calls.find((c) => c.action === 'updateGroup')!
  expect(update.input).toMatchObject({ groupId: 'g1', expectedVersion: 5, name: '周末徒步', emoji: '🎿' })
  expect(typeof update.input.clientId).toBe('string')
  expect(update.input.currency).not.toBe('CNY')
  expect(groupsStore.getState().groups.g1).toMatchObject({ name: '周末徒步', emoji: '🎿', version: 6 })
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }))
})

test('once something is recorded the currency is shown, not offered', async () => {
  group = { ...group, expenseCount: 3 }
  openPage(<GroupSettingsPage />)
  await screen.findByText('记过账之后币种就固定了')
  expect(screen.getByTestId('settings-currency').textContent).toBe('CNY')
  await act(async () => void fireEvent.click(screen.getByTestId('settings-save')))
  await settled()
  expect(calls.find((c) => c.action === 'updateGroup')!.input).not.toHaveProperty('currency')
})

test('a refusal is shown in the person’s language', async () => {
  sessionStore.setState({ locale: 'en' })
  play(new Refuse(409, 'GROUP_HAS_EXPENSES'))
  openPage(<GroupSettingsPage />)
  await screen.findByDisplayValue('Trip')
  fireEvent.change(screen.getByTestId('settings-currency'), { detail: { value: 1 } })
  await act(async () => void fireEvent.click(screen.getByTestId('settings-save')))
  expect((await screen.findByTestId('settings-name-error')).textContent).toBe('The currency can change only before the first expense')
})

test('an empty name is not sent', async () => {
  openPage(<GroupSettingsPage />)
  await screen.findByDisplayValue('Trip')
  type('settings-name', '   ')
  await act(async () => void fireEvent.click(screen.getByTestId('settings-save')))
  expect(screen.getByTestId('settings-name-error').textContent).toBe('请给账本起个名字')
  expect(calls.some((c) => c.action === 'updateGroup')).toBe(false)
})

test('a placeholder is renamed and a member added later; a joined member has no rename', async () => {
  openPage(<GroupSettingsPage />)
  await screen.findByDisplayValue('小虹')
  expect(screen.queryByTestId('settings-member-name-m1')).toBeNull()
  type('settings-member-name-m2', '小红')
  await act(async () => void fireEvent.click(screen.getByTestId('settings-member-rename-m2')))
  await settled()
  expect(calls.find((c) => c.action === 'renameMember')!.input).toMatchObject({ groupId: 'g1', memberId: 'm2', name: '小红' })
  expect(await screen.findByDisplayValue('小红')).toBeTruthy()

  type('settings-add-name', '小张')
  await act(async () => void fireEvent.click(screen.getByTestId('settings-add')))
  await settled()
  expect(calls.find((c) => c.action === 'addMember')!.input).toMatchObject({ groupId: 'g1', name: '小张' })
  expect(await screen.findByDisplayValue('小张')).toBeTruthy()
  expect(groupsStore.getState().groups.g1.members.map((m) => m.name)).toEqual(['小明', '小红', '小张'])
})

test('what the person typed is kept when the fresh copy of the group arrives after it', async () => {
  groupsStore.getState().putGroup(group)
  let answer!: () => void
  const answered = new Promise<void>((resolve) => (answer = resolve))
  playFunction(calls, (action) => (action === 'getGroup' ? answered.then(() => ({ group: { ...group, version: 6 } })) : undefined))
  openPage(<GroupSettingsPage />)
  type('settings-name', '周末徒步')
  await act(async () => answer())
  await settled()
  expect(groupsStore.getState().groups.g1.version).toBe(6)
  expect((screen.getByTestId('settings-name') as HTMLInputElement).value).toBe('周末徒步')
})

test('the organizer hands the role to a member who joined, after saying yes', async () => {
  const bo = { id: 'm4', name: 'Bo', userId: 'u4', wallet: null, hasQr: false, role: 'member' as const, avatar: null }
  group = { ...group, members: [...group.members, bo] }
  playFunction(calls, (action, input) => {
    if (action === 'getGroup') return { group }
    if (action === 'handOverOrganizer') {
      group = { ...group, version: group.version + 1, members: group.members.map((m) => ({ ...m, role: m.id === input.memberId ? 'organizer' : 'member' })) }
      return { group }
    }
    return undefined
  })
  openPage(<GroupSettingsPage />)
  // a placeholder cannot take the role: only joined members get the button
  await screen.findByTestId('settings-organizer-m4')
  expect(screen.queryByTestId('settings-organizer-m2')).toBeNull()
  ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
  await act(async () => void fireEvent.click(screen.getByTestId('settings-organizer-m4')))
  expect(calls.some((c) => c.action === 'handOverOrganizer')).toBe(false)
  await act(async () => void fireEvent.click(screen.getByTestId('settings-organizer-m4')))
  await settled()
  expect(calls.find((c) => c.action === 'handOverOrganizer')!.input).toMatchObject({ groupId: 'g1', memberId: 'm4' })
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '把组织者交给 Bo？' }))
  expect(groupsStore.getState().groups.g1.members.find((m) => m.id === 'm4')!.role).toBe('organizer')
  // no longer the organizer: no button on anyone
  expect(screen.queryByTestId('settings-organizer-m4')).toBeNull()
})
