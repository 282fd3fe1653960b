/**
 * The provider modules drive the real SDKs (wechatpay-axios-plugin, alipay-sdk) over HTTP against the sandbox
 * wallet's local endpoints; the sandbox's notifications go through the providers' real verification.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Rsa } from 'wechatpay-axios-plugin'
import { SandboxWallet, type Notification } from '../../../cloud/payments/sandbox/wallet'
import { WechatPayProvider } from '../../../cloud/payments/wechat/provider'
import { AlipayProvider } from '../../../cloud/payments/alipay/provider'
import { PaymentError } from '../../../cloud/payments/errors'
import type { CreateOrderRequest, PaymentNotice, PayoutNotice } from '../../../cloud/payments/types'

let server: http.Server
let origin = ''
let sandbox: SandboxWallet
let wechat: WechatPayProvider
let alipay: AlipayProvider
const received: Array<{ path: string; result: PaymentNotice | PayoutNotice | string }> = []

/** A CNY order whose payment notification comes back to this file's server at /notify/<provider>. */
function orderRequest(
  provider: 'wechat' | 'alipay',
  outTradeNo: string,
  amount: number,
  description: string,
  payer: CreateOrderRequest['payer']
): CreateOrderRequest {
  return { outTradeNo, amount, currency: 'CNY', description, payer, notifyUrl: `${origin}/notify/${provider}` }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const body = await readBody(req)
    const url = req.url ?? '/'
    if (url.startsWith('/sandbox/')) {
      const r = await sandbox.handle({ method: req.method ?? 'GET', url, headers: req.headers, body })
      res.writeHead(r.status, r.headers).end(r.body)
      return
    }
    const provider = url === '/notify/wechat' ? wechat : alipay
    try {
      const notice = provider.parseNotify({ headers: req.headers, body })
      received.push({ path: url, result: notice })
      const r = provider.notifyReply(true)
      res.writeHead(r.status, r.headers).end(r.body)
    } catch (e) {
      received.push({ path: url, result: (e as PaymentError).code })
      const r = provider.notifyReply(false, (e as Error).message)
      res.writeHead(r.status, r.headers).end(r.body)
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  sandbox = new SandboxWallet()
  wechat = new WechatPayProvider(sandbox.wechatConfig(origin))
  alipay = new AlipayProvider(sandbox.alipayConfig(origin))
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe('WeChat Pay v3 through wechatpay-axios-plugin against the sandbox', () => {
  it('creates a JSAPI order and returns requestPayment params whose paySign verifies', async () => {
    const p = await wechat.createOrder(orderRequest('wechat', 'T0001wechat', 1230, 'Dinner', { openid: 'o-payer-1' }))
    if (p.kind !== 'wechat') throw new Error('expected wechat params')
    const order = (await sandbox.order('T0001wechat'))!
    expect(order.amount).toBe(1230)
    expect(p.package).toBe(`prepay_id=${order.providerId}`)
    const msg = `${sandbox.keys.wechat.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`
    expect(Rsa.verify(msg, p.paySign, sandbox.keys.wechat.merchant.publicKey)).toBe(true)
  })

  it('delivers a signed, encrypted notification that the provider verifies and decrypts', async () => {
    const before = received.length
    const reply = await sandbox.approve('T0001wechat')
    expect(reply.status).toBe(204)
    const got = received[before]
    expect(got.path).toBe('/notify/wechat')
    expect(got.result).toMatchObject({ provider: 'wechat', outTradeNo: 'T0001wechat', amount: 1230, status: 'SUCCESS' })
  })

  it('refuses a tampered body, a foreign key and an old timestamp', async () => {
    const n = sandbox.sent[sandbox.sent.length - 1]
    const tampered: Notification = { ...n, body: n.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') }
    expect((await sandbox.deliver(tampered)).status).toBe(400)
    expect(received[received.length - 1].result).toBe('NOTIFY_SIGNATURE')
    const order = (await sandbox.order('T0001wechat'))!
    const old = sandbox.paymentNotification(order, { at: Math.floor(Date.now() / 1000) - 301 })
    expect((await sandbox.deliver(old)).status).toBe(400)
    expect(received[received.length - 1].result).toBe('NOTIFY_REPLAY')
    const other = new SandboxWallet()
    const foreign = other.paymentNotification(order)
    expect((await sandbox.deliver({ ...foreign, headers: { ...foreign.headers, 'Wechatpay-Serial': sandbox.keys.wechat.publicKeyId } })).status).toBe(400)
    expect(received[received.length - 1].result).toBe('NOTIFY_SIGNATURE')
  })

  it('pays out with the merchant transfer API: WAIT_USER_CONFIRM, then the payee confirms', async () => {
    const req = { outBillNo: 'P0001wechat', amount: 1230, payee: { openid: 'o-payee-1' }, remark: 'Split settle', notifyUrl: `${origin}/notify/wechat` }
    const first = await wechat.payout(req)
    expect(first.state).toBe('WAIT_USER_CONFIRM')
    expect(first.confirm).toEqual({ mchId: sandbox.keys.wechat.mchId, appId: sandbox.keys.wechat.appId, package: expect.any(String) })
    const again = await wechat.payout(req)
    expect(again.providerRef).toBe(first.providerRef)
    expect(sandbox.transfersCreated).toBe(1)
    const before = received.length
    await sandbox.confirmTransfer('P0001wechat')
    expect(received[before].result).toMatchObject({ outBillNo: 'P0001wechat', state: 'SUCCESS', amount: 1230 })
    expect((await wechat.queryPayout('P0001wechat')).state).toBe('SUCCESS')
  })

  it('refuses to talk to a host whose responses are not signed by the configured key', async () => {
    const stranger = new SandboxWallet()
    const cfg = stranger.wechatConfig(origin) // its merchant key is unknown to our sandbox
    const p = new WechatPayProvider(cfg)
    await expect(p.queryPayout('P0001wechat')).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER' })
  })
})

describe('Alipay through alipay-sdk against the sandbox gateway', () => {
  it('creates a trade and returns the trade_no for Taro.tradePay', async () => {
    const p = await alipay.createOrder(orderRequest('alipay', 'T0002alipay', 4567, '火锅', { alipayUserId: '2088102100000001' }))
    expect(p).toEqual({ kind: 'alipay', tradeNO: (await sandbox.order('T0002alipay'))!.providerId })
    expect((await sandbox.order('T0002alipay'))!.amount).toBe(4567)
  })

  it('delivers an RSA2-signed notify that is verified and answered success', async () => {
    const before = received.length
    const reply = await sandbox.approve('T0002alipay')
    expect(reply).toEqual({ status: 200, body: 'success' })
    expect(received[before].result).toMatchObject({ provider: 'alipay', outTradeNo: 'T0002alipay', amount: 4567, status: 'SUCCESS' })
    // the SDK's own checker accepts the same notification
    const params = Object.fromEntries(new URLSearchParams(sandbox.sent[sandbox.sent.length - 1].body))
    expect(alipay.sdk.checkNotifySignV2(params)).toBe(true)
  })

  it('refuses a changed amount and an old notify_time, answering fail', async () => {
    const n = sandbox.sent[sandbox.sent.length - 1]
    const forged = new URLSearchParams(n.body)
    forged.set('total_amount', '0.01')
    expect(await sandbox.deliver({ ...n, body: forged.toString() })).toEqual({ status: 200, body: 'fail' })
    expect(received[received.length - 1].result).toBe('NOTIFY_SIGNATURE')
    const old = sandbox.paymentNotification((await sandbox.order('T0002alipay'))!, { at: Math.floor(Date.now() / 1000) - 600 })
    expect((await sandbox.deliver(old)).body).toBe('fail')
    expect(received[received.length - 1].result).toBe('NOTIFY_REPLAY')
  })

  it('pays out with alipay.fund.trans.uni.transfer, idempotent by out_biz_no', async () => {
    const before = sandbox.transfersCreated
    const req = { outBillNo: 'P0002alipay', amount: 4567, payee: { alipayUserId: '2088102100000002' }, remark: 'Split settle', notifyUrl: '' }
    const r = await alipay.payout(req)
    expect(r.state).toBe('SUCCESS')
    expect((await alipay.payout(req)).providerRef).toBe(r.providerRef)
    expect(sandbox.transfersCreated).toBe(before + 1)
    expect((await sandbox.transfer('P0002alipay'))).toMatchObject({ amount: 4567, payee: '2088102100000002' })
    expect((await alipay.queryPayout('P0002alipay')).state).toBe('SUCCESS')
  })

  it('surfaces a gateway refusal (wrong app key) as PAYMENT_PROVIDER', async () => {
    const stranger = new SandboxWallet()
    const p = new AlipayProvider({ ...stranger.alipayConfig(origin), appId: sandbox.keys.alipay.appId })
    await expect(p.payout({ outBillNo: 'P0003', amount: 1, payee: { alipayUserId: '2088' }, remark: 'x', notifyUrl: '' })).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER' })
  })
})
