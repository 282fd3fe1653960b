/**
 * A confirmation dialog on each platform: deleting an expense asks first. Taro's showModal reaches WeChat as
 * wx.showModal and Alipay as my.confirm (with confirmButtonText / cancelButtonText); cancelling keeps the expense,
 * confirming deletes it.
 */
import { readBundle, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone, providerOf } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(60_000)

describe.each(['weapp', 'alipay'] as const)('%s: deleting an expense', (target) => {
  let fn: LocalFunction
  let app: MiniApp
  const dialogApi = target === 'weapp' ? 'showModal' : 'confirm'

  beforeAll(async () => {
    fn = await startFunction()
    const token = await signInAs(fn, providerOf(target), `${target}-owner`, '小明')
    const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name: '周末', placeholders: ['小红'] }, token)
    await fn.call(
      'addExpense',
      { groupId: group.id, clientId: clientId(), expense: { id: clientId(), amount: 8800, paidBy: { [group.me]: 8800 }, split: { mode: 'equal', members: [group.me] } }, description: '门票' },
      token
    )
    app = phone(fn, readBundle(target), `${target}-owner`, { launch: { path: `pages/group/index?id=${group.id}` } })
    await app.start()
    await app.waitForText('门票')
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })

  async function openAndDelete(confirm: boolean) {
    // a row opens the expense's detail, which deletes it as the form does
    app.page.tap('门票')
    const form = await app.waitForPage('pages/expense/detail')
    await app.waitFor(() => form.getByText('删除', { tag: 'button' }))
    app.answerDialog({ confirm })
    form.tap(form.getByText('删除', { tag: 'button' }))
    await app.settle()
  }

  it(`asks with ${dialogApi} and keeps the expense when cancelled`, async () => {
    await openAndDelete(false)
    const [asked] = app.recorder.options<Record<string, unknown>>(dialogApi)
    expect(asked).toEqual(expect.objectContaining({ title: '确定删除这笔账单？', content: '门票' }))
    if (target === 'alipay') expect(asked).toEqual(expect.objectContaining({ confirmButtonText: expect.any(String), cancelButtonText: expect.any(String) }))
    expect(app.recorder.of(target === 'weapp' ? 'confirm' : 'showModal')).toHaveLength(0)
    expect(app.dialogs).toEqual([expect.objectContaining({ title: '确定删除这笔账单？', answer: { confirm: false } })])
    expect(app.page.route).toBe('pages/expense/detail')
    await app.back()
    expect(app.page.text()).toContain('门票')
  })

  it('deletes it when confirmed', async () => {
    await openAndDelete(true)
    const group = await app.waitForPage('pages/group/index')
    await app.waitForText('还没有账单')
    await app.waitFor(() => app.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'deleteExpense'))
    expect(group.queryByText('门票')).toBeNull()
  })
})
