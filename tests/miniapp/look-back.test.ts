/**
 * Looking back, on the compiled bundles of both targets: the statistics page (a subpackage) opened from the group
 * header shows the function's figures for the chosen period and hands over the group's CSV; a row opens the expense's
 * detail with its history (what the edit changed), and its edit button opens the form; the refund switch saves the
 * mirrored negative expense.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, seedGroup } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }
const sent = (app: { recorder: { options<T>(api: string): T[] } }, action: string) =>
  app.recorder.options<Request>('request').filter((r) => r.data.action === action).map((r) => r.data.input)

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()

  async function openGroup(who: string, name: string) {
    suite.app?.close()
    const app = (suite.app = phone(suite.fn, readBundle(target), who))
    await app.start()
    await app.waitForText(name)
    app.page.tap(name)
    const group = await app.waitForPage('pages/group/index')
    return { app, group }
  }

  async function addExpense(token: string, groupId: string, expense: Record<string, unknown>, description: string, category: string, date: string) {
    return suite.fn.call<{ version: number }>('addExpense', { groupId, clientId: clientId(), expense, description, category, date }, token)
  }

  test('statistics: totals, categories, members and months from the function; a period; the CSV handed over', async () => {
    const subject = `${target}-stats`
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小王' }, { name: '年度账本', friends: ['小红'], expenses: 0 })
    const [me, red] = seeded.members.map((m) => m.id) as [string, string]
    await addExpense(seeded.token, seeded.groupId, { id: clientId(), amount: 30000, paidBy: { [me]: 30000 }, split: { mode: 'equal', members: [me, red] } }, '火锅', 'food', '2026-01-10')
    await addExpense(seeded.token, seeded.groupId, { id: clientId(), amount: 6000, paidBy: { [red]: 6000 }, split: { mode: 'shares', shares: { [me]: 2, [red]: 1 } } }, '打车', 'transport', '2026-03-02')
    await addExpense(seeded.token, seeded.groupId, { id: clientId(), amount: -2000, paidBy: { [me]: -2000 }, split: { mode: 'equal', members: [me, red] } }, '退押金', 'food', '2026-03-05')

    const { app, group } = await openGroup(subject, '年度账本')
    await app.waitForText('统计')
    group.tap('统计')
    const stats = await app.waitForPage('pages/stats/index')
    await app.waitForText('按分类')
    const text = stats.text()
    if (process.env.SHOW_PAGES) console.log(text)
    // 300 + 60 - 20 = 340; mine: 150 + 40 - 10 = 180, paid 300 - 20 = 280
    expect(text).toContain('¥340.00')
    expect(text).toContain('3 笔')
    expect(text).toContain('¥180.00')
    expect(text).toContain('¥280.00')
    // categories, largest first, with their share of the total
    expect(text).toMatch(/餐饮.*¥280\.00.*82%.*交通.*¥60\.00.*18%/s)
    // members: paid and consumed (小红 paid 60, consumed 150 + 20 - 10 = 160)
    expect(text).toMatch(/小红.*¥60\.00.*¥160\.00/s)
    // months from January to March, February included with nothing
    expect(text).toMatch(/26\/01.*26\/02.*26\/03/s)
    expect(sent(app, 'groupStats')).toEqual([{ groupId: seeded.groupId }])

    stats.tap('本月')
    await app.waitFor(() => sent(app, 'groupStats').length === 2)
    const month = sent(app, 'groupStats')[1]!
    expect(month.from).toMatch(/^\d{4}-\d\d-01$/)
    expect(String(month.to).slice(0, 7)).toBe(String(month.from).slice(0, 7))
    await app.waitForText('这段时间没有支出')

    stats.tap('准备 CSV')
    await app.waitForText(/发送 .*\.csv/)
    expect(sent(app, 'exportGroup')).toEqual([{ groupId: seeded.groupId, format: 'csv' }])
    stats.tap(/发送 .*\.csv/)
    await app.settle()
    let csv: string
    if (target === 'weapp') {
      const [share] = app.recorder.options<{ filePath: string }>('shareFileMessage')
      csv = app.fileAt(share!.filePath)!.toString('utf8')
    } else {
      csv = app.recorder.options<{ text: string }>('setClipboard')[0]!.text
    }
    expect(csv).toContain('火锅')
    expect(csv.split('\r\n')[0]).toContain('type,date,description')
    expect(app.errors).toEqual([])
  })

  test('a row opens the expense with its history; edit opens the form', async () => {
    const subject = `${target}-detail`
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小李' }, { name: '合租', friends: ['阿强'], expenses: 0 })
    const [me, qiang] = seeded.members.map((m) => m.id) as [string, string]
    const id = clientId()
    const first = { id, amount: 6000, paidBy: { [me]: 6000 }, split: { mode: 'equal', members: [me, qiang] } }
    await addExpense(seeded.token, seeded.groupId, first, '水电费', 'other', '2026-11-02')
    await suite.fn.call('editExpense', { groupId: seeded.groupId, clientId: clientId(), expense: { ...first, amount: 7500, paidBy: { [me]: 7500 } }, description: '水电燃气' }, seeded.token)

    const { app, group } = await openGroup(subject, '合租')
    await app.waitForText('水电燃气')
    group.tap('水电燃气')
    const detail = await app.waitForPage('pages/expense/detail')
    await app.waitForText('修改记录')
    await app.waitForText('小李 修改了这笔')
    const text = detail.text()
    if (process.env.SHOW_PAGES) console.log(text)
    expect(text).toContain('¥75.00')
    // each share, in the group currency
    expect(text).toMatch(/小李.*¥37\.50/s)
    expect(text).toMatch(/阿强.*¥37\.50/s)
    expect(text).toContain('金额：¥60.00 → ¥75.00')
    expect(text).toContain('说明：水电费 → 水电燃气')
    expect(text).toContain('小李 记下了这笔')
    expect(sent(app, 'getExpense')).toEqual([{ groupId: seeded.groupId, expenseId: id }])

    detail.tap('编辑')
    const form = await app.waitForPage('pages/expense/index')
    await app.waitForText('保存')
    expect(form.getAllByTag('input').map((n) => n.attrs.value)).toContain('75.00')
    expect(app.errors).toEqual([])
  })

  test('the refund switch saves what came in as the mirrored negative expense', async () => {
    const subject = `${target}-refund`
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小赵' }, { name: '露营', friends: ['小钱'], expenses: 0 })
    const { app, group } = await openGroup(subject, '露营')
    await app.waitForText('记一笔')
    group.tap('＋ 记一笔')
    const form = await app.waitForPage('pages/expense/index')
    await app.waitForText('退款 / 收入')
    form.input(form.getAllByTag('input')[0]!, '90')
    form.change(form.getAllByTag('switch')[0]!, true)
    await app.waitForText('收款人')
    form.tap('保存')
    await app.waitFor(() => sent(app, 'addExpense').length === 1)
    const [me, friend] = seeded.members.map((m) => m.id) as [string, string]
    expect(sent(app, 'addExpense')[0]!.expense).toMatchObject({ amount: -9000, paidBy: { [me]: -9000 }, split: { mode: 'equal', members: [me, friend] } })
    // the queue sends it; the function's balances mirror an expense: I received 90 for both of us
    let balances: Record<string, number> = {}
    for (let i = 0; i < 50 && balances[me] === undefined; i++) {
      await app.settle()
      const { group: now } = await suite.fn.call<{ group: { balances: Record<string, number>; expenseCount: number } }>('getGroup', { groupId: seeded.groupId }, seeded.token)
      if (now.expenseCount === 1) balances = now.balances
    }
    expect(balances).toEqual({ [me]: -4500, [friend]: 4500 })
    expect(app.errors).toEqual([])
  })
})
