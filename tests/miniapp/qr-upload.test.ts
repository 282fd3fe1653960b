/**
 * Uploading a collection QR code from the phone's album: WeChat's chooseMedia (its chooseImage is no longer
 * maintained) or Alipay's chooseImage, then the file system manager reads the picked file as base64, and the function
 * stores it as a data URL. The file APIs differ: WeChat's readFileSync returns the string; Alipay's returns { data },
 * and its chooseImage answers apFilePaths. The person agreed to the privacy guide before (the first time: tests/miniapp/privacy.test.ts).
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(60_000)

// a 1x1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

describe.each(['weapp', 'alipay'] as const)('%s: uploading a collection QR code', (target) => {
  const suite = functionPerSuite()

  it('stores the picked image as a PNG data URL', async () => {
    const { fn } = suite
    const subject = `${target}-payee`
    const token = await signInAs(fn, providerOf(target), subject, '小红')
    const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name: '收款码' }, token)

    const app = (suite.app = phone(fn, readBundle(target), subject, { launch: { path: 'pages/me/index' } }))
    await app.start()
    const me = await app.waitForText('上传收款码')
    const file = target === 'weapp' ? 'wxfile://tmp_qr.png' : 'https://resource/apml0qr.png'
    app.pickImage(file, PNG)
    me.tap('上传收款码')
    await app.waitFor(() => app.recorder.options<{ data: { action: string } }>('request').some((r) => r.data.action === 'setWallet'))
    await app.settle()

    if (target === 'weapp') {
      expect(app.recorder.options('chooseMedia')).toEqual([expect.objectContaining({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })])
      expect(app.recorder.of('chooseImage')).toHaveLength(0)
    } else {
      expect(app.recorder.of('chooseImage')).toHaveLength(1)
    }
    const { qrImage } = await fn.call<{ qrImage: string | null }>('getMemberQr', { groupId: group.id, memberId: group.me }, token)
    expect(qrImage).toBe(`data:image/png;base64,${PNG.toString('base64')}`)
    await app.waitForText('更换收款码')
  })
})
