/**
 * Receipt photos on the compiled bundles of both targets: from an expense's detail, photos picked from the album are
 * compressed with the platform's compressImage (WeChat: 1280 px and a 240 px thumbnail; Alipay: levels 2 and 4), sent
 * with addReceipt, and shown from the function's signed URLs, which serve the bytes; a fourth is not offered; removing
 * one asks first.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, seedGroup } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }
/** A real 1x1 JPEG (its bytes start with the JPEG magic number the function checks). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64'
)

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()

  test('attach up to three photos, see them, remove one', async () => {
    const subject = `${target}-receipts`
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小冯' }, { name: '聚餐', friends: ['小陈'], expenses: 0 })
    const [me, chen] = seeded.members.map((m) => m.id) as [string, string]
    const expenseId = clientId()
    await suite.fn.call('addExpense', { groupId: seeded.groupId, clientId: clientId(), expense: { id: expenseId, amount: 8800, paidBy: { [me]: 8800 }, split: { mode: 'equal', members: [me, chen] } }, description: '烤鸭', category: 'food' }, seeded.token)

    const app = (suite.app = phone(suite.fn, readBundle(target), subject))
    await app.start()
    await app.waitForText('聚餐')
    app.page.tap('聚餐')
    const group = await app.waitForPage('pages/group/index')
    await app.waitForText('烤鸭')
    group.tap('烤鸭')
    const detail = await app.waitForPage('pages/expense/detail')
    await app.waitForText('＋ 照片')

    app.pickImage('album/one.jpg', JPEG)
    app.pickImage('album/two.jpg', JPEG)
    detail.tap('＋ 照片')
    await app.waitFor(() => detail.getAllByTag('image').length === 2)
    const sent = () => app.recorder.options<Request>('request').filter((r) => r.data.action === 'addReceipt').map((r) => r.data.input)
    expect(sent()).toHaveLength(2)
    for (const input of sent()) {
      expect(input).toMatchObject({ groupId: seeded.groupId, expenseId, image: `data:image/jpeg;base64,${JPEG.toString('base64')}` })
    }
    const compressed = app.recorder.options<Record<string, unknown>>('compressImage')
    if (target === 'weapp') {
      expect(compressed.map((o) => [o.quality, o.compressedWidth])).toEqual([[80, 1280], [60, 240], [80, 1280], [60, 240]])
      expect(sent().every((i) => typeof i.thumb === 'string')).toBe(true)
    } else {
      expect(compressed.map((o) => o.compressLevel)).toEqual([2, 4, 2, 4])
    }

    // the thumbnails come from the function's signed URLs, which serve the photo's bytes
    const srcs = detail.getAllByTag('image').map((n) => String(n.attrs.src))
    for (const src of srcs) {
      expect(src.startsWith(`${suite.fn.origin}/receipts/`)).toBe(true)
      const res = await fetch(src)
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
      expect(Buffer.from(await res.arrayBuffer())).toEqual(JPEG)
    }

    // one more makes three: nothing more is offered
    app.pickImage('album/three.jpg', JPEG)
    detail.tap('＋ 照片')
    await app.waitFor(() => detail.getAllByTag('image').length === 3)
    expect(detail.queryAllByText('＋ 照片')).toHaveLength(0)

    app.answerDialog({ confirm: true })
    detail.tap(detail.getAllByText('✕')[0]!)
    await app.waitFor(() => detail.getAllByTag('image').length === 2)
    expect(app.recorder.options<Request>('request').filter((r) => r.data.action === 'removeReceipt')).toHaveLength(1)
    await app.waitForText('小冯 删除了一张小票照片')
    expect(app.errors).toEqual([])
  })
})
