/**
 * The product end to end on the compiled bundles, on each platform, against the local function on PGlite:
 * sign in, create a group, add an expense split by shares, see the balance and the plan, share the group, a friend
 * opens the share card and joins, pays the transfer with the platform's wallet, and it is settled.
 */
import { MiniApp, readBundle, textContent, type Bundle, type Target } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { sandboxPhoneWallet, type PhoneWallet } from './harness/wallet'
import { headerBalance, moneyIn, phone, section, startExpense } from './support/phone'

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
    bobWallet = fn.sandbox ? sandboxPhoneWallet(fn.sandbox) : undefined
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
    const page = await alice.waitForText('还没有账本')
    expect(page.getByText('新建账本').tag).toBe('button')
    // pulling down reloads the list and then stops the platform's refresh animation
    const listed = () => alice.recorder.options<{ data: { action: string } }>('request').filter((r) => r.data.action === 'listGroups').length
    const before = listed()
    page.pullDownRefresh()
    await alice.waitFor(() => alice.recorder.of('stopPullDownRefresh').length === 1)
    expect(listed()).toBe(before + 1)
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
    // the page title is the group's name: wx.setNavigationBarTitle / my.setNavigationBar
    const titleApi = target === 'weapp' ? 'setNavigationBarTitle' : 'setNavigationBar'
    await alice.waitFor(() => alice.recorder.options<{ title: string }>(titleApi).some((o) => o.title === '周末火锅'))
  })

  it('adds ¥300.00 split by shares 1 : 2 : 3 and sees the preview sum to the amount', async () => {
    const form = await startExpense(alice, '300', '火锅')
    form.tap('按份数')
    await alice.settle()
    // one row per participant: name, shares input, live share
    const weights: Record<string, string> = { [aliceName(target)]: '1', 小红: '2', 小刚: '3' }
    const rows = () => form.getAllByClass('split__row').map((row) => ({ row, name: textContent(form.within(row).getByClass('split__name')) }))
    expect(rows().map((r) => r.name).sort()).toEqual(Object.keys(weights).sort())
    for (const { row, name } of rows()) {
      form.input(form.within(row).getByPlaceholder('1'), weights[name])
      await alice.settle() // a person types one field after the other
    }
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
    await alice.waitFor(() => headerBalance(alice) === '应收 ¥250.00')
    group.tap('余额')
    await alice.waitForText('小红')
    expect(moneyIn(group, '小红', 'list-item')).toBe('¥100.00')
    expect(moneyIn(group, '小刚', 'list-item')).toBe('¥150.00')
    group.tap('结算')
    await alice.waitForText('结算方案')
    const plan = section(group, '结算方案')
    expect(plan.getAllByClass('list-item')).toHaveLength(2)
    expect(moneyIn(plan, /^小红 付给 你$/, 'list-item')).toBe('¥100.00')
    expect(moneyIn(plan, /^小刚 付给 你$/, 'list-item')).toBe('¥150.00')
    // the plan says it is kept while it is paid
    expect(plan.getAllByText('按方案付款时，其余建议保持不变')).toHaveLength(1)
  })

  it('shares the group: the share card opens the join page', async () => {
    alice.page.tap('邀请')
    const invite = await alice.waitForPage('pages/invite/index')
    await alice.waitForText('发送到聊天')
    if (target === 'weapp') {
      // WeChat: the invite page turns on the share menu with a share ticket (to know the chat the card came from)
      expect(alice.recorder.last('showShareMenu')).toEqual(expect.objectContaining({ withShareTicket: true }))
    }
    const card = invite.share('button')
    expect(card.title).toContain('周末火锅')
    expect(card.path).toMatch(/^\/?pages\/join\/index\?token=[\w-]+/)
    sharePath = card.path ?? ''
    // "copy": no web link opens the mini-program, so the invitation with its join code (the card's token) is copied:
    // wx.setClipboardData({ data }) / my.setClipboard({ text })
    // the function is asked for the platform's link first (WeChat: none here, the API host is not reachable;
    // Alipay: its scheme link)
    await alice.waitFor(() => alice.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'inviteLink'))
    await alice.settle()
    invite.tap(target === 'weapp' ? '复制邀请' : '复制邀请链接')
    await alice.settle()
    const token = sharePath.split('token=')[1]!
    const copied = target === 'weapp' ? alice.recorder.last<{ data: string }>('setClipboardData')!.data : alice.recorder.last<{ text: string }>('setClipboard')!.text
    expect(copied).toContain('「周末火锅」')
    expect(copied).toContain(`输入邀请码 ${token}`)
    if (target === 'alipay') expect(copied).toContain(`https://ds.alipay.com/?scheme=${encodeURIComponent(`alipays://platformapi/startapp?appId=9021000000000001&page=pages%2Fjoin%2Findex&query=${encodeURIComponent(`token=${token}`)}`)}`)
    expect(invite.text()).toContain(token)

    bob = phone(fn, bundle, `${target}-bob`, { wallet: bobWallet })
    await bob.start()
    const join = await bob.openShareCard(sharePath)
    expect(join.route).toBe('pages/join/index')
    await bob.waitForText('周末火锅')
    join.tap('小红')
    await bob.waitFor(() => join.getByText('加入账本', { tag: 'button' }))
    join.tap('加入账本')
    const group = await bob.waitForPage('pages/group/index')
    await bob.waitFor(() => headerBalance(bob) === '应付 ¥100.00')
    expect(group.text()).toContain('周末火锅')
    expect(bob.recorder.options('showToast').map((o) => o.title)).toContain('已加入')
  })

  it(`pays the transfer with ${wallet[target].name} and sees it settled`, async () => {
    expect(bobWallet).toBeDefined() // the function serves the sandbox wallet in dev mode
    bob.page.tap('付款 / 收款')
    const settle = await bob.waitForPage('pages/settle/index')
    await bob.waitForText(`用${wallet[target].name}付款`)
    expect(moneyIn(section(settle, '我要付的'), /^付给 /, 'transfer')).toBe('¥100.00')

    // first the person closes the wallet sheet: nothing is paid and the transfer stays open
    bobWallet!.next = 'cancel'
    settle.tap(`用${wallet[target].name}付款`)
    await bob.waitFor(() => bob.recorder.options<Record<string, string>>('showToast').some((o) => (o.title ?? o.content) === '你取消了付款，没有扣款。'))
    await bob.settle()
    expect(bobWallet!.paid).toEqual([])
    expect(bob.recorder.of(wallet[target].api)).toHaveLength(1)
    await bob.waitFor(() => settle.getByText(`用${wallet[target].name}付款`))

    // then pays
    settle.tap(`用${wallet[target].name}付款`)
    await bob.waitFor(() => bobWallet!.paid.length === 1)
    await bob.settle()

    const payCall = bob.recorder.last<Record<string, unknown>>(wallet[target].api)
    if (target === 'weapp') {
      // server-signed JSAPI parameters; the wallet verified paySign with the merchant key before paying
      expect(payCall).toEqual({
        timeStamp: expect.stringMatching(/^\d+$/),
        nonceStr: expect.any(String),
        package: expect.stringMatching(/^prepay_id=\w+/),
        signType: 'RSA',
        paySign: expect.stringMatching(/^[A-Za-z0-9+/=]{300,}$/)
      })
    } else {
      expect(payCall).toEqual({ tradeNO: expect.stringMatching(/^\d{20,}$/) })
    }
    // the sandbox delivered the provider's notification and the function accepted it (WeChat 204, Alipay 200 "success")
    expect(bobWallet!.paid).toEqual([
      expect.objectContaining({ amount: 10000, wire: target === 'weapp' ? 'wechat' : 'alipay', notifyStatus: target === 'weapp' ? 204 : 200 })
    ])

    // the toast reached the platform in the platform's own shape
    const toast = bob.recorder.last<Record<string, unknown>>('showToast')
    if (target === 'weapp') expect(toast).toEqual(expect.objectContaining({ title: expect.any(String), icon: 'none' }))
    else expect(toast).toEqual(expect.objectContaining({ content: expect.any(String), type: 'none' }))

    await bob.waitFor(() => settle.queryByText(`用${wallet[target].name}付款`) === null)
    expect(settle.queryAllByText('没有需要结算的钱')).toHaveLength(2)
  })

  it('the organizer sees 小红 settled and only 小刚 left to pay', async () => {
    const group = await alice.back() // from the invite page to the group, still on the settle tab
    expect(group.route).toBe('pages/group/index')
    await alice.waitFor(() => section(group, '结算方案').getAllByClass('list-item').length === 1)
    const plan = section(group, '结算方案')
    expect(plan.queryByText(/^小红 付给 你$/)).toBeNull()
    expect(moneyIn(plan, /^小刚 付给 你$/, 'list-item')).toBe('¥150.00')
    await alice.waitFor(() => headerBalance(alice) === '应收 ¥150.00')
    expect(alice.errors).toEqual([])
    expect(bob.errors).toEqual([])
  })

  it('sent every write with a 24-character url-safe clientId', () => {
    const ids = [...alice.recorder.options<{ data: { input?: { clientId?: string } } }>('request'), ...bob.recorder.options<{ data: { input?: { clientId?: string } } }>('request')]
      .map((r) => r.data.input?.clientId)
      .filter((id): id is string => typeof id === 'string')
    expect(ids.length).toBeGreaterThan(5)
    expect(ids.filter((id) => !/^[A-Za-z0-9_-]{24}$/.test(id))).toEqual([])
  })
})
