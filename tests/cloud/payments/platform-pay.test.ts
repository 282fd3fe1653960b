/**
 * src/platform/pay.*.ts: the WeChat and Alipay client APIs cannot run here, so @tarojs/taro is replaced by a
 * scripted double; the H5 file talks to a real sandbox wallet over HTTP.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SandboxWallet } from '../../../cloud/payments/sandbox/wallet'
import { WechatPayProvider } from '../../../cloud/payments/wechat/provider'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { requestPayment: jest.fn(), tradePay: jest.fn(), showModal: jest.fn() }
}))
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Taro = require('@tarojs/taro').default as Record<'requestPayment' | 'tradePay' | 'showModal', jest.Mock>

import * as weapp from '../../../src/platform/pay.weapp'
import * as alipay from '../../../src/platform/pay.alipay'
import * as h5 from '../../../src/platform/pay.h5'

const wxParams = { kind: 'wechat' as const, timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA' as const, paySign: 's' }

describe('pay.weapp.ts', () => {
  it('passes the signed params to requestPayment and reports paid', async () => {
    Taro.requestPayment.mockResolvedValueOnce({ errMsg: 'requestPayment:ok' })
    await expect(weapp.payOrder(wxParams)).resolves.toEqual({ status: 'paid' })
    expect(Taro.requestPayment).toHaveBeenLastCalledWith({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' })
  })
  it('reports cancel, failure and timeout with clear messages', async () => {
    Taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' })
    await expect(weapp.payOrder(wxParams, { locale: 'en' })).resolves.toEqual({ status: 'cancelled', message: 'You cancelled the payment. Nothing was charged.' })
    Taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail system error' })
    const failed = await weapp.payOrder(wxParams, { locale: 'en' })
    expect(failed.status).toBe('failed')
    expect(failed.message).toContain('requestPayment:fail system error')
    Taro.requestPayment.mockReturnValueOnce(new Promise(() => {}))
    const t = await weapp.payOrder(wxParams, { timeoutMs: 20 })
    expect(t.status).toBe('timeout')
    expect(t.message).toContain('超时')
  })
  it('refuses params made for another wallet without calling the API', async () => {
    Taro.requestPayment.mockClear()
    expect((await weapp.payOrder({ kind: 'alipay', tradeNO: 'x' })).status).toBe('failed')
    expect(Taro.requestPayment).not.toHaveBeenCalled()
  })
})

describe('pay.alipay.ts', () => {
  it("reads '9000' as a string or number, at the top level or nested in response", async () => {
    for (const res of [{ resultCode: '9000' }, { resultCode: 9000 }, { response: { resultCode: '9000' } }, { response: { resultCode: 9000 } }]) {
      Taro.tradePay.mockResolvedValueOnce(res)
      await expect(alipay.payOrder({ kind: 'alipay', tradeNO: '2025112522001' })).resolves.toEqual({ status: 'paid' })
    }
    expect(Taro.tradePay).toHaveBeenLastCalledWith({ tradeNO: '2025112522001' })
  })
  it('maps 6001 to cancelled, 8000/6004 to an unknown result, 4000 to failed, and a hang to timeout', async () => {
    Taro.tradePay.mockResolvedValueOnce({ resultCode: '6001' })
    expect((await alipay.payOrder({ kind: 'alipay', tradeNO: 't' })).status).toBe('cancelled')
    Taro.tradePay.mockResolvedValueOnce({ response: { resultCode: '8000' } })
    expect((await alipay.payOrder({ kind: 'alipay', tradeNO: 't' })).status).toBe('timeout')
    Taro.tradePay.mockResolvedValueOnce({ resultCode: '4000' })
    const f = await alipay.payOrder({ kind: 'alipay', tradeNO: 't' }, { locale: 'en' })
    expect(f).toEqual({ status: 'failed', message: expect.stringContaining('resultCode 4000') })
    Taro.tradePay.mockRejectedValueOnce({ errorMessage: 'no permission', resultCode: 4 })
    expect((await alipay.payOrder({ kind: 'alipay', tradeNO: 't' })).status).toBe('failed')
    Taro.tradePay.mockReturnValueOnce(new Promise(() => {}))
    expect((await alipay.payOrder({ kind: 'alipay', tradeNO: 't' }, { timeoutMs: 20 })).status).toBe('timeout')
  })
})

describe('pay.h5.ts against a real sandbox wallet', () => {
  let server: http.Server
  let sandbox: SandboxWallet
  let origin = ''
  const realFetch = globalThis.fetch
  const notified: string[] = []

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString()
        if (req.url === '/notify/wechat') {
          notified.push(body)
          res.writeHead(204).end()
          return
        }
        const r = await sandbox.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body })
        res.writeHead(r.status, r.headers).end(r.body)
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    sandbox = new SandboxWallet()
    // the page's same-origin relative URLs, resolved against the local server
    globalThis.fetch = ((input: string, init?: RequestInit) => realFetch(input.startsWith("/") ? `${origin}${input}` : input, init)) as typeof fetch
  })
  afterAll(async () => {
    globalThis.fetch = realFetch
    await new Promise((r) => server.close(r))
  })

  async function order(no: string) {
    const provider = new WechatPayProvider(sandbox.wechatConfig(origin))
    await provider.createOrder({ outTradeNo: no, amount: 880, currency: 'CNY', description: 'Taxi', payer: { openid: 'o1' }, notifyUrl: `${origin}/notify/wechat` })
    return { kind: 'sandbox' as const, orderId: no, wire: 'wechat' as const, payUrl: `/sandbox/pay?order=${no}` }
  }

  it('approves: the sandbox marks the order paid and sends the notification', async () => {
    const params = await order('T0h5a')
    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    await expect(h5.payOrder(params, { locale: 'en' })).resolves.toEqual({ status: 'paid' })
    expect(Taro.showModal.mock.calls.at(-1)[0].content).toContain('¥8.80')
    expect((await sandbox.order('T0h5a'))!.state).toBe('paid')
    expect(notified).toHaveLength(1)
  })

  it('declines: cancelled, no notification', async () => {
    const params = await order('T0h5b')
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    expect((await h5.payOrder(params)).status).toBe('cancelled')
    expect((await sandbox.order('T0h5b'))!.state).toBe('declined')
    expect(notified).toHaveLength(1)
  })

  it('pays sandbox-made WeChat and Alipay orders too (by prepay_id / trade_no)', async () => {
    await order('T0h5c')
    const prepay = (await sandbox.order('T0h5c'))!.providerId
    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    expect(await h5.payOrder({ kind: 'wechat', timeStamp: '1', nonceStr: 'n', package: `prepay_id=${prepay}`, signType: 'RSA', paySign: 's' })).toEqual({ status: 'paid' })
    expect((await sandbox.order('T0h5c'))!.state).toBe('paid')
    expect(notified).toHaveLength(2)
  })

  it('an unknown order fails with a message; the sandbox page is served', async () => {
    const r = await h5.payOrder({ kind: 'sandbox', orderId: 'nope', wire: 'wechat', payUrl: '' }, { locale: 'en' })
    expect(r.status).toBe('failed')
    expect(r.message).toContain('no such sandbox order')
    const page = await realFetch(`${origin}/sandbox/pay?order=T0h5a`)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('"T0h5a"')
  })
})
