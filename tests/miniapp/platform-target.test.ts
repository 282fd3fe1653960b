/**
 * Each build picked its own platform file (src/platform/target.<target>.ts): the weapp bundle carries the weapp
 * target and not the alipay one, and the other way round; and where the app names the wallet (the pay button of
 * the settle page) each bundle names its own.
 */
import { MiniApp, readBundle, type Bundle, type Target } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { clientId, signInAs } from './support/seed'

const wallets: Record<Target, { own: string; other: string }> = {
  weapp: { own: '用微信支付付款', other: '用支付宝付款' },
  alipay: { own: '用支付宝付款', other: '用微信支付付款' }
}

function bundleText(bundle: Bundle): string {
  return [...bundle.files].filter(([file]) => file.endsWith('.js')).map(([, text]) => text).join('\n')
}

describe.each(['weapp', 'alipay'] as const)('%s bundle', (target) => {
  const other: Target = target === 'weapp' ? 'alipay' : 'weapp'
  let fn: LocalFunction
  let bundle: Bundle

  beforeAll(async () => {
    bundle = readBundle(target)
    fn = await startFunction()
  })
  afterAll(async () => {
    await fn?.close()
  })

  it('contains its own platform target and not the other one', () => {
    const text = bundleText(bundle)
    // minified (target:"weapp") or a development build (target: 'weapp')
    expect(text).toMatch(new RegExp(`target:\\s*["']${target}["']`))
    expect(text).not.toMatch(new RegExp(`target:\\s*["']${other}["']`))
    expect(text).not.toMatch(/target:\s*["']h5["']/)
  })

  it(`names "${wallets[target].own}" on the settle page, never "${wallets[target].other}"`, async () => {
    const provider = target === 'weapp' ? 'wechat' : 'alipay'
    const subject = `${target}-target-check`
    // a group where this user owes its organizer ¥10.00
    const orgToken = await signInAs(fn, 'wechat', `${target}-organizer`, '阿明')
    const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name: '午饭', currency: 'CNY' }, orgToken)
    const { token: invite } = await fn.call<{ token: string }>('createInvite', { groupId: group.id, clientId: clientId() }, orgToken)
    const token = await signInAs(fn, provider, subject, '小李')
    const me = (await fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token: invite }, token)).group.me
    const expense = { id: clientId(), amount: 2000, paidBy: { [group.me]: 2000 }, split: { mode: 'equal', members: [group.me, me] } }
    await fn.call('addExpense', { groupId: group.id, clientId: clientId(), expense, description: '面' }, orgToken)

    const app = await MiniApp.launch({
      target,
      bundle,
      server: fn.origin,
      loginCode: fn.accounts.phone(provider, subject),
      launch: { path: `pages/settle/index?groupId=${group.id}` }
    })
    try {
      const page = await app.waitForText(wallets[target].own)
      expect(page.text()).not.toContain(wallets[target].other)
      expect(page.getByText(wallets[target].own).tag).toBe('button')
    } finally {
      app.close()
    }
  })
})
