/**
 * The life of a group in the compiled bundles of both targets: the organizer reminds from the plan, the reminder's
 * share card opens the settle page on that transfer; adding an expense opens the platform's subscribe panel with
 * the template ids the function has configured (wx.requestSubscribeMessage({ tmplIds }) / my.requestSubscribeMessage
 * ({ entityIds })) and the answers go back with recordConsent; the settings page archives and restores the group.
 */
import { readBundle } from './harness'
import { phone, providerOf, startExpense } from './support/phone'
import { seedGroup } from './support/seed'
import { startFunction } from './harness/function'
import type { LocalFunction } from './harness/function'
import type { MiniApp } from './harness/miniapp'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }
const WECHAT_TEMPLATES = { reminder: 'wxTplRemind01', expense: 'wxTplExpense01', paid: 'wxTplPaid01', confirmed: 'wxTplConfirmed01' }
const ALIPAY_TEMPLATES = { reminder: 'aliTplRemind01', expense: 'aliTplExpense01', paid: 'aliTplPaid01', confirmed: 'aliTplConfirmed01' }
const list = (t: Record<string, string>) => Object.entries(t).map(([k, v]) => `${k}=${v}`).join(',')

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  let fn: LocalFunction
  let app: MiniApp | undefined
  beforeAll(async () => {
    fn = await startFunction({ env: { WECHAT_TEMPLATES: list(WECHAT_TEMPLATES), ALIPAY_TEMPLATES: list(ALIPAY_TEMPLATES) } })
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })
  const requests = (a: MiniApp, action: string) => a.recorder.options<Request>('request').filter((r) => r.data.action === action)

  async function openGroup(who: string, name: string) {
    app?.close()
    app = phone(fn, readBundle(target), who)
    await app.start()
    await app.waitForText(name)
    app.page.tap(name)
    const group = await app.waitForPage('pages/group/index')
    await app.waitForText('记一笔')
    return { app, group }
  }

  test('the organizer reminds from the plan; the card opens the settle page on that transfer', async () => {
    const subject = `${target}-remind`
    const seeded = await seedGroup(fn, { provider: providerOf(target), subject, name: '小王' }, { name: '周末露营', friends: ['小红'], expenses: 3 })
    const { app: a, group } = await openGroup(subject, '周末露营')
    group.tap('结算')
    await a.waitForText('提醒 TA')
    group.tap('提醒 TA')
    await a.waitFor(() => requests(a, 'remindTransfers').length === 1)
    const sent = requests(a, 'remindTransfers')[0]!.data.input
    expect(sent).toMatchObject({ groupId: seeded.groupId, transfer: { from: expect.any(String), to: expect.any(String) } })
    await a.waitForText('发到群聊')
    const card = group.share('button')
    const { from, to } = sent.transfer as { from: string; to: string }
    expect(card.path).toBe(`/pages/settle/index?groupId=${seeded.groupId}&from=${from}&to=${to}`)
    expect(card.title).toMatch(/提醒你：¥[\d.]+ 付给 .+ · 周末露营$/)
    // the function recorded it: the line says who reminded
    await a.waitForText('小王 几秒前提醒过')

    const settle = await a.openShareCard(card.path!)
    expect(settle.route).toBe('pages/settle/index')
    await a.waitForText('这条提醒是给')
    expect(a.errors).toEqual([])
  })

  test('adding an expense asks for messages with the configured template ids; the answers are recorded', async () => {
    const subject = `${target}-subscribe`
    await seedGroup(fn, { provider: providerOf(target), subject, name: '小王' }, { name: '周末火锅', friends: ['小红'], expenses: 0 })
    const { app: a } = await openGroup(subject, '周末火锅')
    const form = await startExpense(a, '88', '火锅')
    form.tap('保存')
    await a.waitFor(() => requests(a, 'recordConsent').length === 1)
    const asked = a.recorder.last<{ tmplIds?: string[]; entityIds?: string[] }>('requestSubscribeMessage')!
    const ids = target === 'weapp' ? [WECHAT_TEMPLATES.reminder, WECHAT_TEMPLATES.confirmed, WECHAT_TEMPLATES.paid] : [ALIPAY_TEMPLATES.reminder, ALIPAY_TEMPLATES.confirmed, ALIPAY_TEMPLATES.paid]
    expect(target === 'weapp' ? asked.tmplIds : asked.entityIds).toEqual(ids)
    expect(requests(a, 'recordConsent')[0]!.data.input.results).toEqual(Object.fromEntries(ids.map((id) => [id, 'accept'])))
    expect(a.errors).toEqual([])
  })

  test('the organizer archives the group in settings (read-only), then restores it', async () => {
    const subject = `${target}-archive`
    const seeded = await seedGroup(fn, { provider: providerOf(target), subject, name: '小王' }, { name: '去年春游', friends: ['小红'], expenses: 0 })
    const { app: a, group } = await openGroup(subject, '去年春游')
    group.tap('设置')
    const settings = await a.waitForPage('pages/group-settings/index')
    await a.waitForText('归档账本')
    a.answerDialog({ confirm: true })
    settings.tap('归档账本')
    await a.waitFor(() => requests(a, 'archiveGroup').length === 1)
    expect(requests(a, 'archiveGroup')[0]!.data.input).toMatchObject({ groupId: seeded.groupId, archived: true })
    await a.waitForText('账本已归档：恢复后才能修改。')
    expect(settings.queryByText('保存设置')).toBeNull()
    settings.tap('恢复账本')
    await a.waitFor(() => requests(a, 'archiveGroup').length === 2)
    await a.waitForText('保存设置')
    const fresh = await fn.call<{ group: { archived?: boolean } }>('getGroup', { groupId: seeded.groupId }, seeded.token)
    expect(fresh.group.archived).toBe(false)
    expect(a.errors).toEqual([])
  })
})
