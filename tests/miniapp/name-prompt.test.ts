/**
 * The first launch in the compiled bundles of both targets: a person signed in through the platform is called
 * "微信用户" / "支付宝用户" until they choose a name; the home page asks (on WeChat with the nickname input, which
 * offers the WeChat nickname), the name is saved by the function, and the question goes away.
 */
import { readBundle, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone } from './support/phone'
import { signInAs } from './support/seed'

jest.setTimeout(90_000)

describe.each([
  ['weapp', 'wechat', '微信用户', 'nickname'],
  ['alipay', 'alipay', '支付宝用户', 'text']
] as const)('%s', (target, provider, defaultName, inputType) => {
  let fn: LocalFunction
  let app: MiniApp

  beforeAll(async () => {
    fn = await startFunction()
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })

  it(`asks ${defaultName} for a name on first launch and saves it`, async () => {
    app = phone(fn, readBundle(target), `${target}-first-launch`)
    await app.start()
    const home = await app.waitForText('朋友们怎么称呼你？')
    expect(home.text()).toContain(`你现在叫「${defaultName}」`)
    const input = home.getByPlaceholder('你的名字')
    expect(input.attrs.type).toBe(inputType)
    home.input(input, '小李')
    await app.settle() // the page renders the typed name before the tap, as on a phone
    home.tap('保存')
    await app.waitFor(() => home.queryByText('朋友们怎么称呼你？') === null)
    // the function has it
    const token = await signInAs(fn, provider, `${target}-first-launch`)
    const me = await fn.call<{ user: { name: string; nameChosen: boolean } }>('getMe', {}, token)
    expect(me.user).toMatchObject({ name: '小李', nameChosen: true })
    expect(app.errors).toEqual([])
  })

  it('does not ask again on the next launch', async () => {
    const storage = app.storage
    app.close()
    app = phone(fn, readBundle(target), `${target}-first-launch`, { storage })
    await app.start()
    await app.waitForText('我的账本')
    expect(app.page.queryByText('朋友们怎么称呼你？')).toBeNull()
  })
})
