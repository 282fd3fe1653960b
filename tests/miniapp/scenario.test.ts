/**
 * The product end to end on the compiled bundles, on each platform, against the local function on PGlite:
 * sign in, create a group, add an expense split by shares, see the balance and the plan, share the group, a friend
 * opens the share card and joins, pays the transfer with the platform's wallet, and it is settled.
 */
import { MiniApp, readBundle, textContent, type Bundle, type Target } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { sandboxPhoneWallet, type PhoneWallet, type SandboxLike } from './harness/wallet'
import { moneyIn, phone } from './support/phone'

jest.setTimeout(120_000)

/** The name a new user gets from a platform sign-in (the function's default). */
const aliceName = (target: Target) => (target === 'weapp' ? '微信用户' : '支付宝用户')

const wallet: Record<Target, { name: string; api: string }> = {
  weapp: { name: '微信支付', api: 'requestPayment' },
  alipay: { name: '支付宝', api: 'tradePay' }
}

describe.each(['weapp', 'alipay'] as const)('%s: split a bill and settle it with the wallet', (target) => {
  let fn: LocalFunction
  let bundle: Bundle
  let alice: MiniApp
  let bob: MiniApp
  let bobWallet: PhoneWallet | undefined
  let sharePath = ''

  beforeAll(async () => {
    bundle = readBundle(target)
    fn = await startFunction()
    const sandbox = (fn.app.services as unknown as { sandbox?: SandboxLike }).sandbox
    bobWallet = sandbox ? sandboxPhoneWallet(sandbox) : undefined
  })
  afterAll(async () => {
    alice?.close()
    bob?.close()
    await fn?.close()
  })

  it('on a first launch, shows the start page once the silent sign-in is done', async () => {
    const carol = phone(fn, bundle, `${target}-first-launch`)
    try {
      await carol.start()
      await carol.waitForText('还没有账本', { timeoutMs: 5000 })
      expect(carol.page.getByText('新建账本').tag).toBe('button')
    } finally {
      carol.close()
    }
  })

  it('signs in with the platform login and shows the empty start page', async () => {
    alice = phone(fn, bundle, `${target}-alice`)
    await alice.start()
    const login = target === 'weapp' ? 'login' : 'getAuthCode'
    expect(alice.recorder.of(login)).toHaveLength(1)
    await alice.waitFor(() => alice.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'signIn'))
    expect(fn.accounts.exchanged.map((e) => e.subject)).toContain(`${target}-alice`)
    // the list may be stale right after the first sign-in: the user pulls down to refresh
    alice.page.pullDownRefresh()
    const page = await alice.waitForText('还没有账本')
    expect(alice.recorder.of('stopPullDownRefresh').length).toBeGreaterThan(0)
    expect(page.getByText('新建账本').tag).toBe('button')
  })

  it('creates a group with two friends', async () => {
    alice.page.tap('新建账本')
    const form = await alice.waitForPage('pages/group-new/index')
    await alice.settle()
    form.input('例如：周末露营', '周末火锅')
    for (const friend of ['小红', '小刚']) {
      form.input('朋友的名字', friend)
      form.tap('添加')
      await alice.waitFor(() => form.getByText(`${friend} ✕`))
    }
    form.tap('创建账本')
    const group = await alice.waitForPage('pages/group/index')
    await alice.waitForText('周末火锅')
    expect(group.text()).toContain('3 人')
    await alice.waitForText('还没有账单')
  })

  it('adds ¥300.00 split by shares 1 : 2 : 3 and sees the preview sum to the amount', async () => {
    alice.page.tap('＋ 记一笔')
    const form = await alice.waitForPage('pages/expense/index')
    await alice.settle()
    form.input('0.00', '300')
    form.input('例如：晚饭、打车、门票', '火锅')
    form.tap('按份数')
    await alice.settle()
    // one row per participant: name, shares input, live share
    const weights: Record<string, string> = { [aliceName(target)]: '1', 小红: '2', 小刚: '3' }
    const rows = () => form.getAllByClass('split__row').map((row) => ({ row, name: textContent(form.within(row).getByClass('split__name')) }))
    expect(rows().map((r) => r.name).sort()).toEqual(Object.keys(weights).sort())
    for (const { row, name } of rows()) form.input(form.within(row).getByPlaceholder('1'), weights[name])
    await alice.waitForText('合计 ¥300.00')
    const shares = Object.fromEntries(rows().map(({ row, name }) => [name, textContent(form.within(row).getByClass('split__share'))]))
    expect(shares).toEqual({ [aliceName(target)]: '¥50.00', 小红: '¥100.00', 小刚: '¥150.00' })
    form.tap('保存')
    const group = await alice.waitForPage('pages/group/index')
    await alice.waitForText('火锅')
    await alice.waitFor(() => alice.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'addExpense'))
    await alice.settle()
    expect(group.text()).toContain('¥300.00')
  })

  it('shows the balance and the settlement plan', async () => {
    const group = alice.page
    group.pullDownRefresh()
    await alice.waitForText('应收')
    expect(moneyIn(alice, '应收', 'ghead__stats')).toBe('¥250.00')
    group.tap('余额')
    await alice.waitForText('小红')
    expect(moneyIn(alice, '小红', 'list-item')).toBe('¥100.00')
    expect(moneyIn(alice, '小刚', 'list-item')).toBe('¥150.00')
    group.tap('结算')
    await alice.waitForText('结算方案')
    expect(moneyIn(alice, /^小红 付给 你$/, 'list-item')).toBe('¥100.00')
    expect(moneyIn(alice, /^小刚 付给 你$/, 'list-item')).toBe('¥150.00')
  })

  it('shares the group: the share card opens the join page', async () => {
    alice.page.tap('邀请')
    const invite = await alice.waitForPage('pages-more/invite/index')
    await alice.waitForText('发送到聊天')
    const card = invite.share('button')
    expect(card.title).toContain('周末火锅')
    expect(card.path).toMatch(/^\/?pages\/join\/index\?token=[\w-]+/)
    sharePath = card.path ?? ''

    bob = phone(fn, bundle, `${target}-bob`, { wallet: bobWallet })
    await bob.start()
    const join = await bob.openShareCard(sharePath)
    expect(join.route).toBe('pages/join/index')
    await bob.waitForText('周末火锅')
    join.tap('小红')
    join.tap('加入账本')
    const group = await bob.waitForPage('pages/group/index')
    await bob.waitForText('应付')
    expect(moneyIn(bob, '应付', 'ghead__stats')).toBe('¥100.00')
    expect(group.text()).toContain('周末火锅')
  })

  it(`pays the transfer with ${wallet[target].name} and sees it settled`, async () => {
    expect(bobWallet).toBeDefined() // the function serves the sandbox wallet in dev mode
    bob.page.tap('去结算')
    const settle = await bob.waitForPage('pages-more/settle/index')
    await bob.waitForText(`用${wallet[target].name}付款`)
    expect(moneyIn(bob, /^付给 /, 'transfer')).toBe('¥100.00')
    settle.tap(`用${wallet[target].name}付款`)
    await bob.waitFor(() => bobWallet!.paid.length === 1)
    await bob.settle()

    const [payCall] = bob.recorder.options<Record<string, unknown>>(wallet[target].api)
    if (target === 'weapp') {
      // server-signed JSAPI parameters; the wallet verified paySign with the merchant key before paying
      expect(payCall).toEqual(
        expect.objectContaining({ package: expect.stringMatching(/^prepay_id=/), signType: 'RSA', paySign: expect.any(String), nonceStr: expect.any(String), timeStamp: expect.stringMatching(/^\d+$/) })
      )
    } else {
      expect(payCall).toEqual({ tradeNO: expect.stringMatching(/^\d{20,}$/) })
    }
    expect(bobWallet!.paid[0]).toEqual(expect.objectContaining({ amount: 10000, wire: target === 'weapp' ? 'wechat' : 'alipay', notifyStatus: 200 }))

    // the toast reached the platform in its own shape
    const toast = bob.recorder.last<Record<string, unknown>>('showToast')
    if (target === 'weapp') expect(toast).toEqual(expect.objectContaining({ title: expect.any(String), icon: 'none' }))
    else expect(toast).toEqual(expect.objectContaining({ content: expect.any(String), type: 'none' }))

    await bob.waitForText('没有需要结算的钱')
    bob.page.pullDownRefresh()
    await bob.settle()
    expect(bob.page.text()).not.toContain(`用${wallet[target].name}付款`)
  })

  it('the organizer sees 小红 settled and only 小刚 left to pay', async () => {
    alice.page.pullDownRefresh()
    await alice.waitFor(() => alice.page.queryByText(/^小红 付给 你$/) === null)
    expect(moneyIn(alice, /^小刚 付给 你$/, 'list-item')).toBe('¥150.00')
    expect(moneyIn(alice, '应收', 'ghead__stats')).toBe('¥150.00')
    expect(alice.errors).toEqual([])
    expect(bob.errors).toEqual([])
  })
})
