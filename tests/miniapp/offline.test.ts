/**
 * Offline on a phone: an expense added without a network is kept (shown as "待同步"), and sent once when the
 * network is back and the person returns to the app. The request fails the way each platform fails it
 * (WeChat "request:fail ...", Alipay error 12); the retry carries the same clientId, so it is stored once.
 */
import { readBundle, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone, providerOf, startExpense } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(60_000)

describe.each(['weapp', 'alipay'] as const)('%s: adding an expense offline', (target) => {
  let fn: LocalFunction
  let app: MiniApp
  let token: string
  let groupId: string

  const serverExpenses = async () =>
    (await fn.call<{ items: { description: string; expense: { amount: number } }[] }>('listExpenses', { groupId, limit: 100 }, token)).items
  const addCalls = () => app.recorder.options<{ data: { action: string; input: { clientId: string } } }>('request').filter((r) => r.data.action === 'addExpense')

  beforeAll(async () => {
    fn = await startFunction()
    token = await signInAs(fn, providerOf(target), `${target}-owner`, '小明')
    const { group } = await fn.call<{ group: { id: string } }>('createGroup', { clientId: clientId(), name: '咖啡角', placeholders: ['小红'] }, token)
    groupId = group.id
    app = phone(fn, readBundle(target), `${target}-owner`, { launch: { path: `pages/group/index?id=${groupId}` } })
    await app.start()
    await app.waitForText('还没有账单')
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })

  it('keeps the expense on the phone while the network is down', async () => {
    app.setOnline(false)
    const form = await startExpense(app, '42', '咖啡')
    form.tap('保存')
    const group = await app.waitForPage('pages/group/index')
    await app.waitForText('咖啡')
    await app.waitFor(() => addCalls().length >= 1)
    await app.settle()
    expect(group.text()).toContain('待同步')
    expect(await serverExpenses()).toEqual([])
  })

  it('sends it once when the network is back and the person returns', async () => {
    const tried = addCalls()
    app.setOnline(true)
    app.hide()
    await app.show()
    await app.waitFor(() => !app.page.text().includes('待同步'))
    const stored = await serverExpenses()
    expect(stored).toEqual([expect.objectContaining({ description: '咖啡', expense: expect.objectContaining({ amount: 4200 }) })])
    // every attempt, offline or not, carried the same clientId
    expect(new Set(addCalls().map((c) => c.data.input.clientId)).size).toBe(1)
    expect(addCalls().length).toBeGreaterThan(tried.length)
  })

  it('keeps an unsent expense in platform storage across a restart and sends it on the next launch', async () => {
    app.setOnline(false)
    const form = await startExpense(app, '18.5', '奶茶')
    form.tap('保存')
    await app.waitForPage('pages/group/index')
    await app.waitForText('奶茶')
    await app.settle()
    const storage = app.storage
    app.close() // the person swipes the app away while offline

    // the queue went through the platform's storage API (wx.setStorage / my.setStorage) and survives the restart
    expect(JSON.stringify([...storage.values()])).toContain('奶茶')
    app = phone(fn, readBundle(target), `${target}-owner`, { launch: { path: `pages/group/index?id=${groupId}` }, storage })
    await app.start()
    await app.waitFor(async () => (await serverExpenses()).some((e) => e.description === '奶茶'))
    await app.waitFor(() => !app.page.text().includes('待同步'))
    const stored = (await serverExpenses()).filter((e) => e.description === '奶茶')
    expect(stored).toEqual([expect.objectContaining({ expense: expect.objectContaining({ amount: 1850 }) })])
  })
})
