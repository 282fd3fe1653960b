/**
 * Consent before a privacy API, on the compiled bundles. WeChat: a person who has not agreed to the privacy guide
 * taps "upload QR"; WeChat holds chooseMedia and raises onNeedPrivacyAuthorization; the app's sheet (its agree button
 * is WeChat's agreePrivacyAuthorization button) answers; a decline fails the API with errno 104 and the page stays
 * usable. Alipay: the app's first-use notice comes before my.chooseImage, and the answer is kept on the phone.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(60_000)

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const toasts = (app: { recorder: { options<T>(api: string): T[] } }) => app.recorder.options<{ title: string }>('showToast').map((t) => t.title)

describe('weapp: the privacy guide before chooseMedia', () => {
  const suite = functionPerSuite()

  it('agreeing through the sheet lets the held chooseMedia run; the sheet links to the guide', async () => {
    const { fn } = suite
    await signInAs(fn, 'wechat', 'privacy-yes', '小红')
    const app = (suite.app = phone(fn, readBundle('weapp'), 'privacy-yes', { launch: { path: 'pages/me/index' }, privacyAgreed: false }))
    await app.start()
    const me = await app.waitForText('上传收款码')
    expect(app.recorder.of('onNeedPrivacyAuthorization')).toHaveLength(1)
    app.pickImage('wxfile://tmp_qr.png', PNG)
    me.tap('上传收款码')
    const sheet = await app.waitForText('使用前请阅读隐私保护指引')
    expect(sheet.text()).toContain('《隐私保护指引》')
    expect(app.recorder.options<{ data: { action: string } }>('request').filter((r) => r.data.action === 'setWallet')).toHaveLength(0)
    sheet.agreePrivacy('同意')
    await app.waitFor(() => app.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'setWallet'))
    await app.waitForText('更换收款码')
    expect(app.page.text()).not.toContain('使用前请阅读隐私保护指引')
    expect(app.privacy.agreed).toBe(true)
  })

  it('declining fails chooseMedia with errno 104, says so calmly, and the page stays usable', async () => {
    const { fn } = suite
    await signInAs(fn, 'wechat', 'privacy-no', '小蓝')
    const app = (suite.app = phone(fn, readBundle('weapp'), 'privacy-no', { launch: { path: 'pages/me/index' }, privacyAgreed: false }))
    await app.start()
    const me = await app.waitForText('上传收款码')
    app.pickImage('wxfile://tmp_qr.png', PNG)
    me.tap('上传收款码')
    const sheet = await app.waitForText('使用前请阅读隐私保护指引')
    sheet.tap('拒绝')
    await app.settle()
    expect(app.page.text()).not.toContain('使用前请阅读隐私保护指引')
    expect(app.recorder.options<{ data: { action: string } }>('request').filter((r) => r.data.action === 'setWallet')).toHaveLength(0)
    expect(toasts(app)).toContain('已拒绝，其他功能可照常使用；需要时可再次同意')
    expect(app.errors).toEqual([])
    // the rest of the page works: the language switch still saves
    app.page.tap('English')
    await app.waitForText('Upload QR code')
  })

  it('the sheet opens the privacy guide page, which lists what is collected', async () => {
    const { fn } = suite
    await signInAs(fn, 'wechat', 'privacy-read', '小绿')
    const app = (suite.app = phone(fn, readBundle('weapp'), 'privacy-read', { launch: { path: 'pages/me/index' }, privacyAgreed: false }))
    await app.start()
    const me = await app.waitForText('上传收款码')
    me.tap('上传收款码')
    const page = await app.waitForText('使用前请阅读隐私保护指引')
    page.tap(page.within(page.getByClass('privacy-sheet')).getByText('《隐私保护指引》'))
    await app.waitForPage('pages/legal/index')
    // chooseMedia is still held by WeChat, waiting for the answer: the app is not idle, the guide is drawn
    const guide = await app.waitForText('我们收集的信息')
    for (const item of ['平台标识', '收款码', '支付记录', '剪贴板', '注销']) expect(guide.text()).toContain(item)
  })
})

describe('alipay: the first-use notice before my.chooseImage', () => {
  const suite = functionPerSuite()

  it('asks once, before the first privacy API; a decline never calls it; an agreement is kept', async () => {
    const { fn } = suite
    await signInAs(fn, providerOf('alipay'), 'notice', '小紫')
    const app = (suite.app = phone(fn, readBundle('alipay'), 'notice', { launch: { path: 'pages/me/index' }, privacyAgreed: false }))
    await app.start()
    const me = await app.waitForText('上传收款码')
    me.tap('上传收款码')
    let sheet = await app.waitForText('使用前请阅读隐私保护指引')
    sheet.tap('拒绝')
    await app.settle()
    expect(app.recorder.of('chooseImage')).toHaveLength(0)

    app.page.tap('上传收款码')
    sheet = await app.waitForText('使用前请阅读隐私保护指引')
    app.pickImage('https://resource/apml0qr.png', PNG)
    sheet.tap('同意')
    await app.waitForText('更换收款码')
    expect(app.recorder.of('chooseImage')).toHaveLength(1)

    app.pickImage('https://resource/apml1qr.png', PNG)
    app.page.tap('更换收款码')
    await app.waitFor(() => app.recorder.of('chooseImage').length === 2)
    expect(app.page.text()).not.toContain('使用前请阅读隐私保护指引')
  })
})
