/**
 * Paying by hand between the two apps: a friend on Alipay owes the WeChat organizer and a placeholder. The Alipay
 * settle page offers the wallet only for the organizer (the placeholder cannot receive in the app, and it says
 * so); the friend records cash, withdraws it, records it again; the organizer, in the WeChat app, says it did not
 * arrive, with a reason; the friend's Alipay app shows that reason.
 */
import { readBundle, type MiniApp, type PageHandle, type Scope } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(90_000)

/** The transfer card whose title is `title` (e.g. 付给 阿明). */
const card = (page: PageHandle, title: string): Scope => page.within(page.closest(page.getByText(title), 'transfer'))

describe('a cash payment withdrawn, recorded again and rejected, across the two apps', () => {
  let fn: LocalFunction
  let friend: MiniApp
  let organizer: MiniApp
  let groupId: string
  let settlePath: string

  beforeAll(async () => {
    fn = await startFunction()
    const orgToken = await signInAs(fn, 'wechat', 'wx-org', '阿明')
    const { group } = await fn.call<{ group: { id: string; me: string; members: { id: string; name: string }[] } }>(
      'createGroup',
      { clientId: clientId(), name: '周末火锅', currency: 'CNY', placeholders: ['小红'] },
      orgToken
    )
    groupId = group.id
    settlePath = `pages/settle/index?groupId=${groupId}`
    const { token: invite } = await fn.call<{ token: string }>('createInvite', { groupId, clientId: clientId() }, orgToken)
    const friendToken = await signInAs(fn, 'alipay', 'ali-friend', '小李')
    const joined = await fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token: invite }, friendToken)
    const [org, red, li] = [group.me, group.members.find((m) => m.name === '小红')!.id, joined.group.me]
    // 小李 owes 阿明 ¥30.00 and 小红 ¥10.00
    const expense = (payer: string, amount: number, members: string[]) => ({ id: clientId(), amount, paidBy: { [payer]: amount }, split: { mode: 'equal', members } })
    await fn.call('addExpense', { groupId, clientId: clientId(), expense: expense(org, 6000, [org, li]), description: '锅底' }, orgToken)
    await fn.call('addExpense', { groupId, clientId: clientId(), expense: expense(red, 2000, [red, li]), description: '饮料' }, orgToken)
  })
  afterAll(async () => {
    friend?.close()
    organizer?.close()
    await fn?.close()
  })

  it('offers the Alipay button for the organizer only, and says why not for the placeholder', async () => {
    friend = phone(fn, readBundle('alipay'), 'ali-friend', { launch: { path: settlePath } })
    await friend.start()
    await friend.waitForText('小红 暂时不能在应用内收款，请用收款码或现金')
    const settle = friend.page
    expect(card(settle, '付给 阿明').queryByText('用支付宝付款')).not.toBeNull()
    expect(card(settle, '付给 小红').queryByText('用支付宝付款')).toBeNull()
    expect(card(settle, '付给 小红').queryByText('记为现金')).not.toBeNull()
  })

  it('the friend records cash, withdraws it, and records it again', async () => {
    const settle = friend.page
    settle.tap(card(settle, '付给 阿明').getByText('记为现金'))
    await friend.waitFor(() => settle.queryByText('撤回'))
    settle.tap('撤回')
    await friend.waitFor(() => settle.queryByText('撤回') === null && card(settle, '付给 阿明').queryByText('记为现金'))
    const withdrawn = await fn.call<{ items: Array<{ kind: string }> }>('listActivity', { groupId }, await signInAs(fn, 'wechat', 'wx-org'))
    expect(withdrawn.items.slice(0, 2).map((a) => a.kind)).toEqual(['payment.withdraw', 'payment.record'])
    settle.tap(card(settle, '付给 阿明').getByText('记为现金'))
    await friend.waitFor(() => settle.queryByText('撤回'))
    expect(friend.errors).toEqual([])
  })

  it('the organizer, in the WeChat app, says it did not arrive, with a reason', async () => {
    organizer = phone(fn, readBundle('weapp'), 'wx-org', { launch: { path: settlePath } })
    await organizer.start()
    await organizer.waitForText('来自 小李')
    const settle = organizer.page
    const from = card(settle, '来自 小李')
    expect(from.queryByText('确认收到')).not.toBeNull()
    settle.tap(from.getByText('没收到'))
    await organizer.waitFor(() => settle.queryAllByText('发送').length === 1)
    settle.input(settle.getByPlaceholder('说明一下情况，小李 会看到'), '没收到现金')
    settle.tap('发送')
    await organizer.waitFor(() => settle.queryByText('来自 小李') === null || card(settle, '来自 小李').queryByText('没收到') === null)
    expect(organizer.errors).toEqual([])
  })

  it("the friend's Alipay app shows the reason", async () => {
    const settle = friend.page
    settle.pullDownRefresh()
    await friend.waitForText('阿明 说没收到这笔钱：没收到现金')
    expect(settle.queryByText('撤回')).toBeNull()
    expect(card(settle, '付给 阿明').queryByText('记为现金')).not.toBeNull()
    expect(friend.errors).toEqual([])
  })
})
