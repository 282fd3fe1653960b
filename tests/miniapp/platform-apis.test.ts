/**
 * No API a platform has stopped maintaining in the app's own code (tests/miniapp/support/platform-apis.ts), and the
 * compiled bundles call the current ones: WeChat picks an image with chooseMedia and reads the window with
 * getWindowInfo; Alipay keeps its own chooseImage and getSystemInfoSync. Bars pinned to the bottom of the screen leave
 * room for the home indicator in both compiled builds.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { bottomBarsWithoutSafeArea, deprecatedApiUses } from './support/platform-apis'
import { clientId, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'
import { filesOf } from './support/wechat-compilers'

jest.setTimeout(60_000)

const src = path.resolve(__dirname, '..', '..', 'src')

test('the app calls no deprecated platform API', () => {
  expect(deprecatedApiUses(src)).toEqual([])
})

test('the scan finds each kind of use, for the targets that build the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deprecated-apis-'))
  try {
    fs.mkdirSync(path.join(dir, 'pages'))
    fs.writeFileSync(path.join(dir, 'pages', 'a.tsx'), "const info = Taro.getSystemInfoSync()\nvoid Taro.chooseMedia({})\n// not Taro.chooseImage: a comment\nconst s = 'wx.getUserInfo in a string'\n")
    fs.writeFileSync(path.join(dir, 'x.weapp.ts'), 'wx.getUserProfile({})\n')
    fs.writeFileSync(path.join(dir, 'x.alipay.ts'), 'my.getAuthUserInfo({})\nTaro.getSystemInfoSync()\n')
    fs.writeFileSync(path.join(dir, 'x.h5.ts'), 'Taro.chooseImage({})\n')
    const found = deprecatedApiUses(dir).map((u) => `${u.file}:${u.line} ${u.target} ${u.api}`).sort()
    expect(found).toEqual(['pages/a.tsx:1 weapp getSystemInfoSync', 'x.alipay.ts:1 alipay getAuthUserInfo', 'x.weapp.ts:1 weapp getUserProfile'])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test.each([
  ['weapp', 'wxss'],
  ['alipay', 'acss']
])('%s: every bar pinned to the bottom leaves room for the home indicator', (target, ext) => {
  const dist = path.resolve(__dirname, '..', '..', 'dist', target)
  const css = filesOf(dist, `.${ext}`)
    .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))
    .join('\n')
  expect(css).toContain('.fab-bar{')
  expect(bottomBarsWithoutSafeArea(css)).toEqual([])
  // and the check finds a bar without it
  expect(bottomBarsWithoutSafeArea('.mask{position:fixed;top:0;bottom:0}.bar{position:fixed;bottom:0;padding:20rpx}.ok{position:fixed;bottom:0;padding-bottom:env(safe-area-inset-bottom)}')).toEqual(['.bar'])
})

describe.each(['weapp', 'alipay'] as const)('%s: the group page reads the window size', (target) => {
  const suite = functionPerSuite()

  it('with the current API', async () => {
    const { fn } = suite
    const token = await signInAs(fn, providerOf(target), `${target}-window`, '小明')
    const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name: '周末' }, token)
    const app = (suite.app = phone(fn, readBundle(target), `${target}-window`, { launch: { path: `pages/group/index?id=${group.id}` } }))
    await app.start()
    await app.waitForText('周末')
    // the framework may ask for the system info itself; the app's own call is the one made from the group page
    const fromPage = (api: string) => app.recorder.of(api).filter((c) => c.page === 'pages/group/index')
    if (target === 'weapp') {
      expect(fromPage('getWindowInfo').length).toBeGreaterThan(0)
      expect(fromPage('getSystemInfoSync')).toEqual([])
    } else {
      expect(fromPage('getSystemInfoSync').length).toBeGreaterThan(0)
    }
  })
})
