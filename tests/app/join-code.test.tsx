/**
 * The join code: the code found in whatever a friend pastes (the whole invitation or the code alone), the join page's
 * code form opened without a token, and a code that does not work sending the person back to the form with the reason.
 */
import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import JoinPage from '@/pages/join'
import { joinCodeIn } from '@/services/joinCode'
import { groupsStore } from '@/store/groups'
import { sessionStore } from '@/store/session'
import { openPage } from '../doubles/page'
import { playFunction, Refuse, type Call } from './fixtures'

const token = 'AbCdEfGhIjKlMnOpQrStUv'

test('the code is found in the pasted invitation, alone, or not at all', () => {
  expect(joinCodeIn(`小王 邀请你加入「周末露营」：打开「分账」小程序，点首页的「用邀请码加入」，粘贴这段话或输入邀请码 ${token}`)).toBe(token)
  expect(joinCodeIn(`  ${token}\n`)).toBe(token)
  expect(joinCodeIn(`Ann invites you to "Trip": ... the code ${token}`)).toBe(token)
  // a group or a person named with a long Latin word comes before the code in the invitation
  expect(joinCodeIn(`Christopher_Robinson 邀请你加入「Weekend-trip-to-the-lake」：……输入邀请码 ${token}`)).toBe(token)
  expect(joinCodeIn('没有邀请码的一句话 abc')).toBeNull()
  expect(joinCodeIn('')).toBeNull()
})

describe('the join page without a token', () => {
  let calls: Call[]
  beforeEach(() => {
    calls = []
    groupsStore.getState().reset()
    sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true, user: { id: 'u1', name: '小李', wallet: null, hasQr: false, locale: 'zh-CN', avatar: null, nameChosen: true } as never })
    ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: {} } })
  })
  const type = (value: string) => fireEvent.input(screen.getByTestId('join-code'), { target: { value }, detail: { value } })

  test('asks for the code, previews the group it names', async () => {
    playFunction(calls, (action) =>
      action === 'previewInvite' ? { invite: { groupId: 'g1', name: '周末露营', emoji: '🏕️', currency: 'CNY', memberCount: 2, placeholders: [], alreadyMember: false } } : undefined
    )
    openPage(<JoinPage />)
    expect(calls).toEqual([])
    type(`粘贴这段话或输入邀请码 ${token}`)
    await act(async () => void fireEvent.click(screen.getByTestId('join-code-submit')))
    expect(await screen.findByTestId('join-group-name')).toHaveProperty('textContent', '周末露营')
    expect(calls).toEqual([{ action: 'previewInvite', input: { token } }])
  })

  test('text without a code is not sent; a revoked code comes back to the form with the reason', async () => {
    playFunction(calls, (action) => (action === 'previewInvite' ? new Refuse(409, 'INVITE_REVOKED') : undefined))
    openPage(<JoinPage />)
    type('没有邀请码')
    await act(async () => void fireEvent.click(screen.getByTestId('join-code-submit')))
    expect(screen.getByTestId('join-code-error').textContent).toBe('这里面没有邀请码')
    expect(calls).toEqual([])
    type(token)
    await act(async () => void fireEvent.click(screen.getByTestId('join-code-submit')))
    expect((await screen.findByTestId('join-code-error')).textContent).toBe('这个邀请已经作废')
    expect(screen.getByTestId('join-code')).toBeTruthy()
  })
})
