/**
 * The first minute: a person still called "微信用户" / "支付宝用户" is asked for the name their friends will see, on the
 * home page (and before joining a group); saving it (setWallet) makes the prompt go; nobody else is asked.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { UserView } from '@/api/views'
import GroupsPage from '@/pages/index'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

const calls: Array<{ action: string; input: Record<string, unknown> }> = []
const user = (over: Partial<UserView>): UserView => ({ id: 'u1', name: '微信用户', wallet: 'wechat', hasQr: false, locale: 'zh-CN', nameChosen: false, ...over })

beforeEach(() => {
  calls.length = 0
  groupsStore.getState().reset()
  setTransport(async (envelope: Envelope) => {
    const input = envelope.input as Record<string, unknown>
    calls.push({ action: envelope.action, input })
    const ok = (data: unknown) => ({ status: 200, body: { ok: true as const, data } })
    if (envelope.action === 'listGroups') return ok({ items: [], nextCursor: null, totals: [] })
    if (envelope.action === 'setWallet') return ok({ user: user({ name: String(input.name), nameChosen: true }) })
    return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: envelope.action } } }
  })
})

test('a default-named person is asked, saves a name, and is not asked again', async () => {
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true, user: user({}) })
  render(<GroupsPage />)
  const prompt = await screen.findByTestId('name-prompt')
  expect(prompt.textContent).toContain('朋友们怎么称呼你？')
  expect(prompt.textContent).toContain('你现在叫「微信用户」')
  const save = screen.getByTestId('name-prompt-save') as HTMLButtonElement
  expect(save.disabled).toBe(true)
  await act(async () => void fireEvent.change(screen.getByTestId('name-prompt-input'), { target: { value: '  小李 ' } }))
  await act(async () => void fireEvent.click(screen.getByTestId('name-prompt-save')))
  await act(async () => new Promise((r) => setTimeout(r, 10)))
  expect(calls.filter((c) => c.action === 'setWallet').map((c) => c.input)).toEqual([expect.objectContaining({ name: '小李', clientId: expect.any(String) })])
  expect(sessionStore.getState().user).toMatchObject({ name: '小李', nameChosen: true })
  expect(screen.queryByTestId('name-prompt')).toBeNull()
})

test('in English too; a person who chose a name, or an older server without the flag, is not asked', async () => {
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true, user: user({ name: 'Alipay user' }) })
  const { unmount } = render(<GroupsPage />)
  expect((await screen.findByTestId('name-prompt')).textContent).toContain('What should your friends call you?')
  unmount()
  for (const u of [user({ name: 'Li', nameChosen: true }), user({ nameChosen: undefined })]) {
    sessionStore.setState({ user: u })
    const view = render(<GroupsPage />)
    await act(async () => new Promise((r) => setTimeout(r, 10)))
    expect(screen.queryByTestId('name-prompt')).toBeNull()
    view.unmount()
  }
})
