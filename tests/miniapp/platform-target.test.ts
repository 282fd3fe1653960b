/**
 * Each build picked its own platform file (src/platform/target.<target>.ts): the weapp bundle carries the weapp
 * target and not the alipay one, and the other way round; and the page each bundle renders names its own wallet.
 */
import { MiniApp, readBundle, type Bundle, type Target } from './harness'
import { startFunction, type LocalFunction } from './harness/function'

const wallets: Record<Target, { own: string; other: string }> = {
  weapp: { own: '使用微信支付付款', other: '使用支付宝付款' },
  alipay: { own: '使用支付宝付款', other: '使用微信支付付款' }
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

  it(`renders "${wallets[target].own}" on the start page, never "${wallets[target].other}"`, async () => {
    const app = await MiniApp.launch({
      target,
      bundle,
      server: fn.origin,
      loginCode: fn.accounts.phone(target === 'weapp' ? 'wechat' : 'alipay', `${target}-target-check`)
    })
    try {
      await app.settle()
      app.page.pullDownRefresh() // the start page lists groups after a refresh; a new user has none
      const page = await app.waitForText(wallets[target].own)
      expect(page.text()).not.toContain(wallets[target].other)
      expect(page.getByText(wallets[target].own).tag).toBe('text')
    } finally {
      app.close()
    }
  })
})
