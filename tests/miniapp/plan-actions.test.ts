/**
 * One list for the settlement, in the compiled bundles of both targets: the organizer's 结算 tab shows each
 * transfer once with what they can do about it. 阿明 still owes: a reminder is copied for the chat (WeChat's
 * setClipboardData, Alipay's setClipboard); 小红 says she paid cash: it waits on its line with 确认收到, which sends
 * confirmPayment; the payments list below does not repeat it.
 */
import { readBundle, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone, providerOf } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(90_000)

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  let fn: LocalFunction
  let app: MiniApp
  let groupId: string
  let ids: { org: string; ming: string; red: string }

  beforeAll(async () => {
    fn = await startFunction()
    const org = await signInAs(fn, providerOf(target), `${target}-organizer`, '小李')
    const ming = await signInAs(fn, 'wechat', `${target}-ming`, '阿明')
    const red = await signInAs(fn, 'alipay', `${target}-red`, '小红')
    const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name: '周末火锅' }, org)
    groupId = group.id
    const { token } = await fn.call<{ token: string }>('createInvite', { groupId, clientId: clientId() }, org)
    const mingId = (await fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token }, ming)).group.me
    const redId = (await fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token }, red)).group.me
    ids = { org: group.me, ming: mingId, red: redId }
    const expense = { id: clientId(), amount: 9000, paidBy: { [group.me]: 9000 }, split: { mode: 'equal', members: [group.me, mingId, redId] } }
    await fn.call('addExpense', { groupId, clientId: clientId(), expense, description: '锅底' }, org)
    // 小红 says she paid her ¥30.00 in cash; it waits on 小李
    await fn.call('recordPayment', { groupId, clientId: clientId(), from: redId, to: group.me, amount: 3000, method: 'cash' }, red)
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })

  it('each transfer once, with remind and confirm', async () => {
    app = phone(fn, readBundle(target), `${target}-organizer`, { launch: { path: `pages/group/index?id=${groupId}` } })
    await app.start()
    const page = await app.waitForText('结算')
    page.tap('结算')
    await app.waitForText('阿明 付给 你')
    expect(page.getAllByText('小红 付给 你')).toHaveLength(1)
    expect(page.queryAllByText('已付款，待确认')).toHaveLength(1) // on the plan line only, not again below
    expect(page.getByText('还没有付款记录')).toBeTruthy()

    // remind: recorded with the function, then the reminder for the chat, whose text can be copied
    page.tap('提醒 TA')
    await app.waitForText('复制提醒')
    page.tap('复制提醒')
    await app.settle()
    const copied = target === 'weapp' ? app.recorder.options<{ data: string }>('setClipboardData').map((o) => o.data) : app.recorder.options<{ text: string }>('setClipboard').map((o) => o.text)
    expect(copied).toEqual(['阿明，「周末火锅」里你还要付给小李 ¥30.00，在小程序里就能付，谢谢 🙏'])
    await app.waitFor(() => app.recorder.options<{ title?: string; content?: string }>('showToast').some((o) => (o.title ?? o.content) === '已复制，粘贴到群聊即可'))
    page.tap('关闭')
    await app.settle()

    page.tap('确认收到')
    await app.waitFor(() => app.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'confirmPayment'))
    const sent = app.recorder.options<{ data: { action: string; input: { groupId: string; paymentId: string } } }>('request').find((r) => r.data.action === 'confirmPayment')!
    expect(sent.data.input.groupId).toBe(groupId)
    await app.waitFor(() => page.queryByText('小红 付给 你') === null)
    const token = await signInAs(fn, providerOf(target), `${target}-organizer`)
    const { group } = await fn.call<{ group: { pendingPayments: unknown[]; plan: Array<{ from: string; to: string }> } }>('getGroup', { groupId }, token)
    expect(group.pendingPayments).toEqual([])
    expect(group.plan).toEqual([expect.objectContaining({ from: ids.ming, to: ids.org })])
    expect(app.errors).toEqual([])
  })
})
