/**
 * Avatars in the compiled bundles of both targets, on first launch: WeChat's avatar sheet
 * (`<button open-type="chooseAvatar">`, a temp file read as base64) and Alipay's user-info authorization
 * (`<button open-type="getAuthorize" scope="userInfo">`, then my.getOpenUserInfo, whose avatar URL is downloaded and
 * whose nickname fills the empty name field). The function stores the picture and the home page shows it.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

// a 1x1 JPEG (WeChat's sheet hands out JPEGs) and a 1x1 PNG (an Alipay avatar URL ending in .png)
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z', 'base64')
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const ALIPAY_AVATAR = 'https://tfs.alipayobjects.com/images/partner/T1avatar.png'

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const subject = `${target}-avatar`
  const suite = functionPerSuite()

  it('the first-launch question offers the platform avatar picker, and the picture is saved and shown', async () => {
    const { fn } = suite
    const app = (suite.app = phone(fn, readBundle(target), subject))
    await app.start()
    const home = await app.waitForText('朋友们怎么称呼你？')
    expect(home.getAllByTag('image')).toHaveLength(0)

    let expected: Buffer
    if (target === 'weapp') {
      app.writeTempFile('wxfile://tmp_avatar_1.jpeg', JPEG)
      home.chooseAvatar('设置头像', 'wxfile://tmp_avatar_1.jpeg')
      expected = JPEG
    } else {
      app.setAlipayProfile({ avatar: ALIPAY_AVATAR, nickName: '支付宝小红', avatarBytes: PNG })
      home.authorizeUserInfo('设置头像')
      expected = PNG
    }
    await app.waitFor(() => app.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'setWallet'))
    await app.settle()

    // the exact requests: the platform calls, then setWallet with the picture as a data URL
    const sent = app.recorder.options<{ data: { action: string; input: { avatar?: string } } }>('request').find((r) => r.data.action === 'setWallet')!
    const type = target === 'weapp' ? 'jpeg' : 'png'
    expect(sent.data.input.avatar).toBe(`data:image/${type};base64,${expected.toString('base64')}`)
    if (target === 'weapp') {
      expect(app.recorder.of('FileSystemManager.readFileSync').map((c) => c.args)).toEqual([['wxfile://tmp_avatar_1.jpeg', 'base64']])
    } else {
      expect(app.recorder.of('getOpenUserInfo')).toHaveLength(1)
      expect(app.recorder.options<{ url: string }>('downloadFile').map((o) => o.url)).toEqual([ALIPAY_AVATAR])
      // the Alipay nickname fills the empty name field (the person can still change it before saving)
      expect(home.getByPlaceholder('你的名字').attrs.value).toBe('支付宝小红')
    }

    // the function stores it and serves it; the home page shows it
    const token = await signInAs(fn, providerOf(target), subject)
    const { user } = await fn.call<{ user: { avatar: string | null } }>('getMe', {}, token)
    expect(user.avatar).toMatch(/^\/avatars\/[0-9a-f]{32}$/)
    const served = await fetch(`${fn.origin}${user.avatar}`)
    expect(Buffer.from(await served.arrayBuffer()).equals(expected)).toBe(true)
    await app.waitForText('更换头像')
    const images = home.getAllByTag('image').map((n) => String(n.attrs.src))
    expect(images.length).toBeGreaterThanOrEqual(2) // the header and the question's preview
    for (const src of images) expect(src.endsWith(user.avatar!)).toBe(true)
    expect(app.errors).toEqual([])
  })
})
