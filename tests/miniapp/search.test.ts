/**
 * Searching a group's expenses on the compiled bundles of both targets: from the group page to the search page (a
 * subpackage), typed text and a picked member are sent as listExpenses' filters, the function's matches are shown,
 * and a match opens the expense's detail.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, seedGroup } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()

  test('text and member filters, the matches, and a match opened', async () => {
    const subject = `${target}-search`
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小孙' }, { name: '搜索测试', friends: ['小周'], expenses: 0 })
    const [me, zhou] = seeded.members.map((m) => m.id) as [string, string]
    const add = (description: string, payer: string, members: string[]) =>
      suite.fn.call('addExpense', { groupId: seeded.groupId, clientId: clientId(), expense: { id: clientId(), amount: 1000, paidBy: { [payer]: 1000 }, split: { mode: 'equal', members } }, description, category: 'food', date: '2026-10-01' }, seeded.token)
    await add('周五火锅', me, [me, zhou])
    await add('火锅底料', me, [me])
    await add('打车', zhou, [me, zhou])

    const app = (suite.app = phone(suite.fn, readBundle(target), subject))
    await app.start()
    await app.waitForText('搜索测试')
    app.page.tap('搜索测试')
    const group = await app.waitForPage('pages/group/index')
    await app.waitForText('🔍 搜索账单')
    group.tap('🔍 搜索账单')
    const search = await app.waitForPage('pages/search/index')
    await app.waitForText('输入文字或选择条件开始搜索')
    search.input(search.getAllByTag('input')[0]!, '火锅')
    await app.waitForText('找到 2 笔')
    const sent = () => app.recorder.options<Request>('request').filter((r) => r.data.action === 'listExpenses' && r.data.input.text !== undefined).map((r) => r.data.input)
    expect(sent().at(-1)).toEqual({ groupId: seeded.groupId, limit: 30, text: '火锅' })
    expect(search.text()).toContain('周五火锅')
    expect(search.text()).toContain('火锅底料')
    expect(search.text()).not.toContain('打车')

    // only those 小周 is in
    search.tap(search.getAllByText('小周').at(0)!)
    await app.waitForText('找到 1 笔')
    expect(sent().at(-1)).toEqual({ groupId: seeded.groupId, limit: 30, text: '火锅', memberId: zhou })
    expect(search.text()).not.toContain('火锅底料')

    search.tap('周五火锅')
    await app.waitForPage('pages/expense/detail')
    await app.waitForText('修改记录')
    expect(app.errors).toEqual([])
  })
})
