/**
 * What I owe overall, in the compiled bundles of both targets: the home page's totals across groups (never
 * converting currencies), the people view they open, and from a person the settle page of one group.
 */
import { readBundle, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(90_000)

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const provider = target === 'weapp' ? 'wechat' : 'alipay'
  const subject = `${target}-totals`
  let fn: LocalFunction
  let app: MiniApp

  beforeAll(async () => {
    fn = await startFunction()
    const me = await signInAs(fn, provider, subject, '小李')
    const friend = await signInAs(fn, 'wechat', `${target}-friend`, '阿明')
    /** A group of me and 阿明 where `payer` paid `amount` for both. */
    async function shared(name: string, currency: string, amount: number, iPaid: boolean) {
      const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name, currency }, friend)
      const { token } = await fn.call<{ token: string }>('createInvite', { groupId: group.id, clientId: clientId() }, friend)
      const mine = (await fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token }, me)).group.me
      const payer = iPaid ? mine : group.me
      const expense = { id: clientId(), amount, paidBy: { [payer]: amount }, split: { mode: 'equal', members: [group.me, mine] } }
      await fn.call('addExpense', { groupId: group.id, clientId: clientId(), expense, description: name }, friend)
    }
    await shared('火锅', 'CNY', 6000, false) // I owe ¥30.00
    await shared('打车', 'CNY', 2000, true) // I am owed ¥10.00
    await shared('东京', 'JPY', 3000, true) // I am owed 1,500 yen
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })

  it('the home page totals every group per currency', async () => {
    app = phone(fn, readBundle(target), subject)
    await app.start()
    await app.waitForText('我总共要付')
    const text = app.page.text()
    expect(text).toContain('¥30.00')
    expect(text).toContain('¥10.00')
    expect(text).toContain('¥1,500')
    expect(app.errors).toEqual([])
  })

  it('opens the people view: 阿明 with the net per currency and each group', async () => {
    app.page.tap('按人查看 ›')
    const people = await app.waitForPage('pages/people/index')
    await app.waitForText('阿明')
    const text = people.text()
    // ¥30.00 owed against ¥10.00 owing in CNY: I owe 阿明 ¥20.00; in JPY 阿明 owes me 1,500 yen
    expect(text).toContain('你欠')
    expect(text).toContain('¥20.00')
    expect(text).toContain('欠你')
    expect(text).toContain('¥1,500')
    for (const name of ['火锅', '打车', '东京']) expect(text).toContain(name)
    expect(text).toContain('你付给 阿明')
    expect(text).toContain('阿明 付给你')
  })

  it('settles one group from there', async () => {
    const people = app.page
    people.tap(people.getAllByText('去这个账本结算')[0]!)
    const settle = await app.waitForPage('pages/settle/index')
    await app.waitForText('我要付的')
    expect(settle.text()).toMatch(/付给 阿明|来自 阿明/)
    expect(app.errors).toEqual([])
  })
})
