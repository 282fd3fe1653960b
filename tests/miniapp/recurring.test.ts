/**
 * Recurring expenses on the compiled bundles of both targets: the expense form's repeat field sets up a monthly
 * series (the function makes today's occurrence at once), the group page shows the next occurrence, the recurring
 * page lists the series, and stopping it (after the platform's confirmation) ends it.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { seedGroup } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }
const today = () => {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 10)
}

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()

  test('set up monthly rent from the form, see the next one, stop it', async () => {
    const subject = `${target}-rent`
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小吴' }, { name: '合租屋', friends: ['小郑'], expenses: 0 })
    const app = (suite.app = phone(suite.fn, readBundle(target), subject))
    await app.start()
    await app.waitForText('合租屋')
    app.page.tap('合租屋')
    const group = await app.waitForPage('pages/group/index')
    await app.waitForText('＋ 记一笔')
    group.tap('＋ 记一笔')
    const form = await app.waitForPage('pages/expense/index')
    await app.waitForText('重复')
    form.input('0.00', '3000')
    form.input('例如：晚饭、打车、门票', '房租')
    form.tap('每月')
    const day = Number(today().slice(8, 10))
    await app.waitForText(day > 28 ? `每月 ${day} 日（小月为最后一天）` : `每月 ${day} 日`)
    form.tap('保存')
    await app.waitForPage('pages/group/index')
    const sent = app.recorder.options<Request>('request').filter((r) => r.data.action === 'addRecurring').map((r) => r.data.input)
    const [me, friend] = seeded.members.map((m) => m.id) as [string, string]
    expect(sent).toEqual([
      {
        groupId: seeded.groupId,
        clientId: expect.any(String),
        expense: { amount: 300000, paidBy: { [me]: 300000 }, split: { mode: 'equal', members: [me, friend] } },
        description: '房租',
        category: 'other',
        rule: { frequency: 'monthly', dayOfMonth: day },
        startDate: today(),
        utcOffsetMinutes: expect.any(Number)
      }
    ])
    expect(app.recorder.options<Request>('request').some((r) => r.data.action === 'addExpense')).toBe(false)
    // today's rent is a normal expense already; the next one is shown
    await app.waitForText(/🔁 下次定期账单：房租/)
    await app.waitFor(() => app.page.text().includes('¥3,000.00') && app.page.queryAllByText('房租').length > 0)

    app.page.tap(/🔁 下次定期账单：房租/)
    const list = await app.waitForPage('pages/recurring/index')
    await app.waitForText('已记 1 笔')
    expect(list.text()).toMatch(new RegExp(`每月 ${day} 日`))
    app.answerDialog({ confirm: true })
    list.tap('停止')
    // a stopped series leaves the list (the expenses it added stay)
    await app.waitForText('还没有定期账单')
    expect(app.recorder.options<Request>('request').filter((r) => r.data.action === 'stopRecurring').map((r) => r.data.input)).toEqual([
      { groupId: seeded.groupId, clientId: expect.any(String), seriesId: expect.any(String) }
    ])
    const back = await app.back()
    await app.waitFor(() => !back.text().includes('下次定期账单'))
    expect(app.errors).toEqual([])
  })
})
