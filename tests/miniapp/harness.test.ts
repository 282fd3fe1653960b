/**
 * The harness plays each platform faithfully where the app depends on it: setData paths, the base template's
 * aliases, WeChat's Promise-or-callback async APIs, Alipay's request failures, and event delivery.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import vm from 'node:vm'
import { parseUrl, planNavigation, readBundle } from './harness'
import { createMy } from './harness/globals-alipay'
import { createWx } from './harness/globals-weapp'
import type { PlatformHost } from './harness/host'
import { Recorder } from './harness/recorder'
import { sendHttp } from './harness/network'
import { applySetData, parsePath, payloadBytes } from './harness/tree'

// One test starts the local function (PGlite), which takes seconds on a busy 2-core machine.
jest.setTimeout(60_000)

function host(overrides: Partial<PlatformHost> = {}): PlatformHost {
  return {
    target: 'weapp',
    recorder: new Recorder(),
    storage: new Map(),
    currentRoute: () => 'pages/index/index',
    http: async () => ({ status: 200, headers: {}, text: '{}' }),
    navigate: async () => {},
    loginCode: () => 'code',
    modal: () => ({ confirm: true }),
    actionSheet: () => 0,
    wallet: { wechat: async () => {}, alipay: async () => '9000' },
    launchOptions: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    pickImages: () => [],
    pickMessageFiles: () => [],
    clipboard: { text: '' },
    readFile: () => Buffer.alloc(0),
    listeners: new Map(),
    track: (w) => w,
    ...overrides
  }
}
const realm = { toRealm: <T>(v: T) => v, Promise }

describe('data tree', () => {
  it('reads Taro paths with [n] segments, with or without a dot', () => {
    expect(parsePath('root.cn.[0].cn.[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v'])
    expect(parsePath('root.cn[3].cl')).toEqual(['root', 'cn', 3, 'cl'])
  })

  it('applies a setData payload into nested arrays and measures it as UTF-8 JSON', () => {
    const data: Record<string, unknown> = { root: { cn: [] } }
    applySetData(data, { 'root.cn.[0]': { sid: '_n1', nn: '3', cn: [{ sid: '_n2', nn: '9', v: '火锅' }] } })
    applySetData(data, { 'root.cn.[0].cn.[0].v': '晚饭' })
    expect(data).toEqual({ root: { cn: [{ sid: '_n1', nn: '3', cn: [{ sid: '_n2', nn: '9', v: '晚饭' }] }] } })
    expect(payloadBytes({ v: '晚饭' })).toBe(Buffer.byteLength('{"v":"晚饭"}'))
  })
})

describe.each(['weapp', 'alipay'] as const)('%s base template', (target) => {
  it('names the tags, attributes and bound events of the aliases Taro uses', () => {
    const { templates } = readBundle(target)
    const all = [...templates.values()]
    expect(all.some((t) => t.isText)).toBe(true)
    const input = all.find((t) => t.tag === 'input')
    expect(input).toBeDefined()
    expect(Object.values(input!.props)).toEqual(expect.arrayContaining(['value', 'placeholder']))
    expect(input!.events.input).toBe('bind')
    const button = all.find((t) => t.tag === 'button')
    expect(button?.events.tap).toBe('bind')
  })
})

describe('wx async APIs', () => {
  it('return a Promise when called without callbacks, nothing when called with them', async () => {
    const payments: unknown[] = []
    const wx = createWx(host({ wallet: { wechat: async (p) => void payments.push(p), alipay: async () => '9000' } }), realm)
    const params = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'sig' }
    await expect(wx.requestPayment(params)).resolves.toEqual({ errMsg: 'requestPayment:ok' })
    const success = jest.fn()
    expect(wx.requestPayment({ ...params, success })).toBeUndefined()
    await new Promise((r) => setTimeout(r, 10))
    expect(success).toHaveBeenCalledWith({ errMsg: 'requestPayment:ok' })
    await expect(wx.requestPayment({ ...params, paySign: '' })).rejects.toEqual({ errMsg: 'requestPayment:fail parameter error: paySign should be String' })
    expect(payments).toHaveLength(2)
  })
})

describe('my.request', () => {
  let server: http.Server
  let origin: string
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        const status = req.url === '/missing' ? 404 : 200
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ echo: body, type: req.headers['content-type'] }))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  const myWith = () =>
    createMy(
      host({
        target: 'alipay',
        http: async (req) => {
          const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body })
          return { status: res.status, headers: {}, text: await res.text() }
        }
      }),
      realm
    )

  it('sends JSON by default and answers { data, status, headers }', async () => {
    const my = myWith()
    const res = await new Promise<Record<string, unknown>>((resolve, reject) =>
      my.request({ url: `${origin}/ok`, method: 'POST', data: { a: 1 }, success: resolve, fail: reject })
    )
    expect(res).toEqual({ data: { echo: '{"a":1}', type: 'application/json' }, status: 200, headers: {} })
  })

  it('calls fail with error 19 and the reply for a non-2xx status', async () => {
    const my = myWith()
    const err = await new Promise<Record<string, unknown>>((resolve) =>
      my.request({ url: `${origin}/missing`, method: 'POST', data: { a: 1 }, success: () => resolve({}), fail: resolve })
    )
    expect(err).toEqual(expect.objectContaining({ error: 19, status: 404, data: { echo: '{"a":1}', type: 'application/json' } }))
  })
})

describe('the network round trip (MiniAppOptions.latencyMs)', () => {
  it('delays the arrival of a request by half of it, and its answer by the other half', async () => {
    let arrived = 0
    const server = http.createServer((req, res) => {
      arrived = performance.now()
      req.resume()
      req.on('end', () => res.end('ok'))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const send = (latencyMs?: number) => {
        const sent = performance.now()
        return sendHttp({ url: `${origin}/api`, method: 'POST', headers: {}, body: '{}', timeoutMs: 5000 }, { target: 'weapp', online: true, latencyMs }).then((res) => ({
          res,
          toServer: arrived - sent,
          total: performance.now() - sent
        }))
      }
      const slow = await send(400)
      expect(slow.res).toEqual(expect.objectContaining({ status: 200, text: 'ok' }))
      expect(slow.toServer).toBeGreaterThanOrEqual(195)
      expect(slow.total).toBeGreaterThanOrEqual(395)
      const fast = await send()
      expect(fast.toServer).toBeLessThan(150)
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})

describe('event delivery', () => {
  it('refuses a tap on an element that no template binds, and bubbles a tap to the nearest binding ancestor', async () => {
    const { MiniApp } = await import('./harness')
    const { startFunction } = await import('./harness/function')
    const fn = await startFunction()
    const app = new MiniApp({ target: 'weapp', server: fn.origin, loginCode: fn.accounts.phone('wechat', 'events') })
    try {
      await app.start()
      const page = await app.waitForText('新建账本')
      const calls: { currentTarget: { dataset: { sid: string } }; target: { dataset: { sid: string } } }[] = []
      page.instance.eh = (e: never) => void calls.push(e)
      expect(() => page.tap(page.getByText('我的账本'))).toThrow(/nothing on text "我的账本" handles tap/)
      expect(calls).toHaveLength(0)
      const button = page.getByText('新建账本')
      page.tap(button)
      expect(calls.map((c) => c.currentTarget.dataset.sid)).toEqual([button.sid])
      expect(calls[0].target.dataset.sid).toBe(button.sid)
    } finally {
      app.close()
      await fn.close()
    }
    expect(vm.isContext(app.realm.context)).toBe(true)
  })
})

describe('navigation rules', () => {
  const app = { routes: ['pages/index/index', 'pages/group/index', 'pages/join/index'], tabRoutes: [] as string[] }

  it('resolves relative urls and keeps query values as written', () => {
    expect(parseUrl('../join/index?token=a%2Bb&x', 'pages/group/index')).toEqual({ route: 'pages/join/index', query: { token: 'a%2Bb', x: '' } })
  })

  it('applies the stack rules and refuses what the platform refuses', () => {
    expect(planNavigation('navigateTo', { url: '/pages/group/index?id=1' }, ['pages/index/index'], app)).toEqual({
      close: 0,
      hideTop: true,
      open: { route: 'pages/group/index', query: { id: '1' } }
    })
    expect(planNavigation('redirectTo', { url: '/pages/join/index' }, ['pages/index/index', 'pages/group/index'], app).close).toBe(1)
    expect(planNavigation('navigateBack', { delta: 5 }, ['pages/index/index', 'pages/group/index'], app)).toEqual({ close: 1, hideTop: false })
    expect(planNavigation('reLaunch', { url: '/pages/index/index' }, ['pages/index/index', 'pages/group/index'], app).close).toBe(2)
    expect(() => planNavigation('navigateBack', {}, ['pages/index/index'], app)).toThrow('cannot navigate back at first page.')
    expect(() => planNavigation('navigateTo', { url: '/pages/nope/index' }, [], app)).toThrow('page "pages/nope/index" is not found')
    expect(() => planNavigation('navigateTo', { url: '/pages/group/index' }, Array(10).fill('pages/index/index'), app)).toThrow('webview count limit exceed')
  })
})
