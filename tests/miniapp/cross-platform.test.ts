/**
 * Two wallets in one group: the organizer uses the WeChat mini-program, a friend the Alipay one. The friend opens
 * the invite, pays their share with Alipay (tradePay) in the Alipay bundle, and the organizer's WeChat bundle shows
 * it settled; the function pays the money out to the organizer's WeChat wallet, which the organizer collects in the
 * WeChat bundle (requestMerchantTransfer).
 */
import { readBundle, textContent, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { sandboxPhoneWallet } from './harness/wallet'
import { headerBalance, phone, section } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(90_000)

describe('a WeChat organizer and an Alipay friend', () => {
  let fn: LocalFunction
  let alice: MiniApp
  let bob: MiniApp
  let groupId: string
  let inviteToken: string

  beforeAll(async () => {
    fn = await startFunction()
    // the organizer's group, made from the WeChat app earlier: ¥90.00 paid by the organizer, split equally by three
    const token = await signInAs(fn, 'wechat', 'wx-organizer')
    const { group } = await fn.call<{ group: { id: string; me: string; members: { id: string }[] } }>(
      'createGroup',
      { clientId: clientId(), name: '周末露营', placeholders: ['小红', '小刚'] },
      token
    )
    groupId = group.id
    const members = group.members.map((m) => m.id)
    await fn.call(
      'addExpense',
      { groupId, clientId: clientId(), expense: { id: clientId(), amount: 9000, paidBy: { [group.me]: 9000 }, split: { mode: 'equal', members } }, description: '营地' },
      token
    )
    inviteToken = (await fn.call<{ token: string }>('createInvite', { groupId, clientId: clientId() }, token)).token
  })
  afterAll(async () => {
    alice?.close()
    bob?.close()
    await fn?.close()
  })

  it('the Alipay friend joins as 小红 and pays ¥30.00 with tradePay', async () => {
    const wallet = sandboxPhoneWallet(fn.sandbox!)
    bob = phone(fn, readBundle('alipay'), 'ali-friend', { wallet })
    await bob.start()
    const join = await bob.openShareCard(`/pages/join/index?token=${inviteToken}`)
    await bob.waitForText('周末露营')
    join.tap('小红')
    await bob.waitFor(() => join.getByText('加入账本', { tag: 'button' }))
    join.tap('加入账本')
    await bob.waitForPage('pages/group/index')
    await bob.waitFor(() => headerBalance(bob) === '应付 ¥30.00')

    bob.page.tap('付款 / 收款')
    const settle = await bob.waitForPage('pages/settle/index')
    await bob.waitForText('用支付宝付款')
    settle.tap('用支付宝付款')
    await bob.waitFor(() => wallet.paid.length === 1)
    await bob.waitFor(() => settle.queryByText('用支付宝付款') === null)
    expect(bob.recorder.last('tradePay')).toEqual({ tradeNO: expect.stringMatching(/^\d{20,}$/) })
    expect(wallet.paid[0]).toEqual(expect.objectContaining({ wire: 'alipay', amount: 3000 }))
  })

  it('the organizer sees it in the WeChat app and the payout goes to their WeChat wallet', async () => {
    alice = phone(fn, readBundle('weapp'), 'wx-organizer', { launch: { path: `pages/group/index?id=${groupId}` }, wallet: sandboxPhoneWallet(fn.sandbox!) })
    await alice.start()
    await alice.waitFor(() => headerBalance(alice) === '应收 ¥30.00')
    alice.page.tap('结算')
    await alice.waitForText('结算方案')
    const plan = section(alice.page, '结算方案')
    expect(plan.getAllByClass('list-item')).toHaveLength(1)
    expect(plan.getByText(/^小刚 付给 你$/).tag).toBe('text')
    // the function sent the ¥30.00 on to the organizer's WeChat wallet (a merchant transfer waiting for them)
    await alice.waitFor(async () => (await fn.sandbox!.transfers()).some((t) => t.wire === 'wechat' && t.amount === 3000))
  })

  it('the organizer collects the WeChat payout with requestMerchantTransfer', async () => {
    alice.page.tap('付款 / 收款')
    const settle = await alice.waitForPage('pages/settle/index')
    await alice.waitForText('已付款，等你确认收款')
    expect(textContent(settle.closest(settle.getByText('已付款，等你确认收款'), 'transfer')).replace(/\s+/g, '')).toContain('¥30.00')
    settle.tap('收款')
    await alice.waitFor(() => settle.queryByText('已付款，等你确认收款') === null)
    const transfer = (await fn.sandbox!.transfers()).find((t) => t.wire === 'wechat' && t.amount === 3000)
    expect(transfer?.state).toBe('SUCCESS')
    expect(alice.recorder.last('requestMerchantTransfer')).toEqual({ mchId: expect.any(String), appId: expect.any(String), package: expect.any(String) })
    expect(alice.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'confirmPayout')).toBe(true)
    expect(alice.errors).toEqual([])
    expect(bob.errors).toEqual([])
  })
})
