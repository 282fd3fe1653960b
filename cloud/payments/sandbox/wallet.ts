/**
 * The local sandbox wallet (dev mode and tests). It serves, under /sandbox/ on the function's own HTTP server:
 *   /sandbox/wechat/v3/...        the WeChat Pay v3 API the SDK calls (requests verified with the merchant key,
 *                                 responses signed with the platform key, like api.mch.weixin.qq.com)
 *   /sandbox/alipay/gateway.do    the Alipay OpenAPI gateway the SDK calls (RSA2 both ways)
 *   /sandbox/pay?order=...        an H5 page where a person approves or declines a payment
 *   /sandbox/api/...              the same as JSON (the H5 app and tests use it)
 * Approving sends the notification to the order's notify_url exactly like the real provider would, so the
 * function's real verification code runs end to end.
 */
import { encryptResource, parseAuthorization, signedHeaders, verifyMerchantRequest } from '../wechat/crypto'
import { chinaTime, requestSignContent, rsa2Verify, signedGatewayResponse, signNotify } from '../alipay/crypto'
import { fenToYuan, yuanToFen } from '../money'
import type { AlipayConfig } from '../alipay/provider'
import type { WechatPayConfig } from '../wechat/provider'
import type { RawReply } from '../types'
import { generateSandboxKeys, randomAlnum, randomDigits, type SandboxKeys } from './keys'
import { sandboxPage } from './page'
import { memorySandboxStore, type SandboxOrder, type SandboxStore, type SandboxTransfer } from './store'

export type { SandboxOrder, SandboxOrderState, SandboxTransfer } from './store'

export interface SandboxRequest {
  method: string
  /** Path and query, starting with /sandbox/. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface Notification {
  url: string
  headers: Record<string, string>
  body: string
}

export interface SandboxOptions {
  /** Where orders and transfers are kept (default: this process's memory; the function uses its database). */
  store?: SandboxStore
  /** Seconds since the epoch (the signatures' timestamps). */
  now?: () => number
  keys?: SandboxKeys
  /** Delivers a notification; default: an HTTP POST with fetch. Returns the HTTP status and body. */
  deliver?: (n: Notification) => Promise<{ status: number; body: string }>
}

/** Request bodies the emulated WeChat Pay API reads. */
interface WechatBody {
  appid?: string
  mchid?: string
  out_trade_no?: string
  description?: string
  notify_url?: string
  amount?: { total?: number }
  payer?: { openid?: string }
  out_bill_no?: string
  transfer_amount?: number
  openid?: string
}

/** biz_content fields the emulated Alipay gateway reads. */
interface AlipayBiz {
  out_trade_no?: string
  total_amount?: string
  subject?: string
  buyer_id?: string
  buyer_open_id?: string
  out_biz_no?: string
  trans_amount?: string
  payee_info?: { identity?: string }
}

const json = (status: number, data: unknown, headers: Record<string, string> = {}): RawReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(data)
})

async function httpDeliver(n: Notification): Promise<{ status: number; body: string }> {
  const res = await fetch(n.url, { method: 'POST', headers: n.headers, body: n.body })
  return { status: res.status, body: await res.text() }
}

export class SandboxWallet {
  readonly keys: SandboxKeys
  readonly store: SandboxStore
  /** Every notification sent, in order (tests replay and tamper with these). */
  readonly sent: Array<Notification & { reply: { status: number; body: string } }> = []
  /** How many transfer requests created a new transfer (a repeated out_bill_no / out_biz_no creates none). */
  transfersCreated = 0
  /** The next this-many transfer requests fail with a provider system error (to exercise retries). */
  failTransfers = 0
  private readonly now: () => number
  private readonly deliverFn: (n: Notification) => Promise<{ status: number; body: string }>

  /** A wallet on `store` with the keys kept there (generated and stored by the first instance to open it). */
  static async open(store: SandboxStore, opts: Omit<SandboxOptions, 'store' | 'keys'> = {}): Promise<SandboxWallet> {
    return new SandboxWallet({ ...opts, store, keys: await store.keys(generateSandboxKeys) })
  }

  constructor(opts: SandboxOptions = {}) {
    this.keys = opts.keys ?? generateSandboxKeys()
    this.store = opts.store ?? memorySandboxStore()
    this.now = opts.now ?? (() => Math.floor(Date.now() / 1000))
    this.deliverFn = opts.deliver ?? httpDeliver
  }

  /** The merchant configuration for the WeChat Pay provider, pointed at this wallet (public-key mode). */
  wechatConfig(origin: string): WechatPayConfig {
    const k = this.keys.wechat
    return {
      appId: k.appId,
      mchId: k.mchId,
      serial: k.merchantSerial,
      privateKey: k.merchant.privateKey,
      apiV3Key: k.apiV3Key,
      platformKeys: { [k.publicKeyId]: k.platform.publicKey },
      baseURL: `${origin}/sandbox/wechat/`
    }
  }

  /** The app configuration for the Alipay provider, pointed at this wallet's gateway. */
  alipayConfig(origin: string): AlipayConfig {
    const k = this.keys.alipay
    return { appId: k.appId, privateKey: k.app.privateKey, alipayPublicKey: k.platform.publicKey, gateway: `${origin}/sandbox/alipay/gateway.do` }
  }

  async handle(req: SandboxRequest): Promise<RawReply> {
    const u = new URL(req.url, 'http://sandbox.local')
    const path = u.pathname
    try {
      if (path.startsWith('/sandbox/wechat/')) return await this.wechatApi(req, u)
      if (path === '/sandbox/alipay/gateway.do') return await this.alipayGateway(req, u)
      if (path === '/sandbox/pay' && req.method === 'GET') {
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: sandboxPage(u.searchParams.get('order') ?? '') }
      }
      let m = /^\/sandbox\/api\/orders\/([A-Za-z0-9_-]{1,64})$/.exec(path)
      if (m && req.method === 'GET') {
        const o = await this.store.order(m[1]!)
        return o ? json(200, this.orderView(o)) : json(404, { code: 'NOT_FOUND', message: 'no such sandbox order' })
      }
      m = /^\/sandbox\/api\/orders\/([A-Za-z0-9_-]{1,64})\/(approve|decline)$/.exec(path)
      if (m && req.method === 'POST') {
        const o = await this.store.order(m[1]!)
        if (!o) return json(404, { code: 'NOT_FOUND', message: 'no such sandbox order' })
        if (m[2] === 'decline') {
          const { order } = await this.store.moveOrder(o.outTradeNo, ['open'], 'declined')
          return json(200, this.orderView(order!))
        }
        const reply = await this.approve(o.outTradeNo)
        return json(200, { ...this.orderView({ ...o, state: 'paid' }), notify: reply })
      }
      m = /^\/sandbox\/api\/transfers\/([A-Za-z0-9_-]{1,64})\/confirm$/.exec(path)
      if (m && req.method === 'POST') {
        const t = await this.store.transfer(m[1]!)
        if (!t) return json(404, { code: 'NOT_FOUND', message: 'no such sandbox transfer' })
        const reply = await this.confirmTransfer(t.outBillNo)
        const now = await this.store.transfer(t.outBillNo)
        return json(200, { outBillNo: t.outBillNo, state: now!.state, notify: reply })
      }
      return json(404, { code: 'NOT_FOUND', message: `no sandbox route ${req.method} ${path}` })
    } catch (err) {
      return json(400, { code: 'SANDBOX_BAD_REQUEST', message: (err as Error).message })
    }
  }

  /** An order by our number, by WeChat's prepay_id or by Alipay's trade_no. */
  order(id: string): Promise<SandboxOrder | undefined> {
    return this.store.order(id)
  }

  transfer(outBillNo: string): Promise<SandboxTransfer | undefined> {
    return this.store.transfer(outBillNo)
  }

  orders(): Promise<SandboxOrder[]> {
    return this.store.orders()
  }

  transfers(): Promise<SandboxTransfer[]> {
    return this.store.transfers()
  }

  orderView(o: SandboxOrder) {
    return { orderId: o.outTradeNo, wire: o.wire, amount: o.amount, description: o.description, state: o.state }
  }

  /**
   * The payer approves: the order is paid and the provider-format notification is delivered (again, for an
   * order already paid: providers repeat notifications until one is acknowledged).
   */
  async approve(outTradeNo: string): Promise<{ status: number; body: string }> {
    const { order, moved } = await this.store.moveOrder(outTradeNo, ['open', 'paid'], 'paid')
    if (!order) throw new Error(`no sandbox order ${outTradeNo}`)
    if (!moved) throw new Error('the order was declined')
    return this.deliver(this.paymentNotification(order))
  }

  /** The payee confirms a WeChat transfer waiting for them (what requestMerchantTransfer does in the app). */
  async confirmTransfer(outBillNo: string): Promise<{ status: number; body: string } | undefined> {
    const { transfer: t, moved } = await this.store.moveTransfer(outBillNo, ['WAIT_USER_CONFIRM'], 'SUCCESS')
    if (!t) throw new Error(`no sandbox transfer ${outBillNo}`)
    if (!moved) return undefined
    return t.notifyUrl ? this.deliver(this.transferNotification(t)) : undefined
  }

  async deliver(n: Notification): Promise<{ status: number; body: string }> {
    const reply = await this.deliverFn(n)
    this.sent.push({ ...n, reply })
    return reply
  }

  /** A notification for the order exactly as the provider would send it; fields can be overridden for tests. */
  paymentNotification(o: SandboxOrder, over: { amount?: number; at?: number; tradeState?: string } = {}): Notification {
    const at = over.at ?? this.now()
    const amount = over.amount ?? o.amount
    if (o.wire === 'wechat') {
      const k = this.keys.wechat
      const transaction = {
        appid: k.appId,
        mchid: k.mchId,
        out_trade_no: o.outTradeNo,
        transaction_id: o.transactionId,
        trade_type: 'JSAPI',
        trade_state: over.tradeState ?? 'SUCCESS',
        trade_state_desc: '支付成功',
        bank_type: 'OTHERS',
        attach: '',
        success_time: new Date(at * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
        payer: { openid: o.payer },
        amount: { total: amount, payer_total: amount, currency: 'CNY', payer_currency: 'CNY' }
      }
      return this.wechatNotification(o.notifyUrl, 'TRANSACTION.SUCCESS', 'transaction', transaction, at)
    }
    const k = this.keys.alipay
    const params = signNotify(
      {
        notify_time: chinaTime(at),
        notify_type: 'trade_status_sync',
        notify_id: `${randomDigits(34)}`,
        app_id: k.appId,
        auth_app_id: k.appId,
        charset: 'utf-8',
        version: '1.0',
        trade_no: o.providerId,
        out_trade_no: o.outTradeNo,
        trade_status: over.tradeState ?? 'TRADE_SUCCESS',
        total_amount: fenToYuan(amount),
        receipt_amount: fenToYuan(amount),
        buyer_pay_amount: fenToYuan(amount),
        seller_id: k.sellerId,
        subject: o.description,
        gmt_create: chinaTime(o.createdAt),
        gmt_payment: chinaTime(at),
        ...(o.payer.startsWith('2088') ? { buyer_id: o.payer } : { buyer_open_id: o.payer })
      },
      k.platform.privateKey
    )
    return {
      url: o.notifyUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(params).toString()
    }
  }

  transferNotification(t: SandboxTransfer, at: number = this.now()): Notification {
    const k = this.keys.wechat
    return this.wechatNotification(
      t.notifyUrl ?? '',
      'MCHTRANSFER.BILL.FINISHED',
      'mch_payment',
      {
        mch_id: k.mchId,
        out_bill_no: t.outBillNo,
        transfer_bill_no: t.billNo,
        state: t.state,
        transfer_amount: t.amount,
        openid: t.payee,
        create_time: new Date(at * 1000).toISOString(),
        update_time: new Date(at * 1000).toISOString()
      },
      at
    )
  }

  private wechatNotification(url: string, eventType: string, aad: string, plain: unknown, at: number): Notification {
    const k = this.keys.wechat
    const body = JSON.stringify({
      id: `${randomAlnum(8)}-${randomDigits(8)}`,
      create_time: new Date(at * 1000).toISOString(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType === 'TRANSACTION.SUCCESS' ? '支付成功' : '商家转账单据终态通知',
      resource: encryptResource(plain, k.apiV3Key, aad)
    })
    return {
      url,
      headers: { 'content-type': 'application/json', ...signedHeaders(body, k.platform.privateKey, k.publicKeyId, at) },
      body
    }
  }

  // --- WeChat Pay v3 API -------------------------------------------------------------------------------

  private wechatReply(status: number, data: unknown): RawReply {
    const body = data === undefined ? '' : JSON.stringify(data)
    const k = this.keys.wechat
    return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...signedHeaders(body, k.platform.privateKey, k.publicKeyId, this.now()) }, body }
  }

  private async wechatApi(req: SandboxRequest, u: URL): Promise<RawReply> {
    const k = this.keys.wechat
    const auth = parseAuthorization(String(req.headers.authorization ?? ''))
    const signedUrl = `${u.pathname}${u.search}`
    if (!auth || auth.mchid !== k.mchId || auth.serial_no !== k.merchantSerial || !verifyMerchantRequest(req.method.toUpperCase(), signedUrl, req.body, auth, k.merchant.publicKey)) {
      return this.wechatReply(401, { code: 'SIGN_ERROR', message: '签名错误' })
    }
    const path = u.pathname.slice('/sandbox/wechat'.length)
    const data: WechatBody = req.body ? (JSON.parse(req.body) as WechatBody) : {}
    if (req.method === 'POST' && path === '/v3/pay/transactions/jsapi') {
      if (data.appid !== k.appId || data.mchid !== k.mchId) return this.wechatReply(400, { code: 'PARAM_ERROR', message: 'appid/mchid mismatch' })
      const total = data.amount?.total
      if (typeof total !== 'number' || !Number.isSafeInteger(total) || total <= 0) return this.wechatReply(400, { code: 'PARAM_ERROR', message: 'amount.total' })
      if (!data.payer?.openid) return this.wechatReply(400, { code: 'PARAM_ERROR', message: 'payer.openid' })
      if (!data.out_trade_no) return this.wechatReply(400, { code: 'PARAM_ERROR', message: 'out_trade_no' })
      const existing = await this.store.order(data.out_trade_no)
      if (existing && existing.state !== 'open') return this.wechatReply(400, { code: 'ORDERPAID', message: '订单已支付' })
      const order: SandboxOrder = existing ?? {
        wire: 'wechat',
        outTradeNo: data.out_trade_no,
        providerId: `wx${randomDigits(14)}${randomAlnum(18)}`,
        transactionId: `4200${randomDigits(24)}`,
        amount: total,
        description: String(data.description ?? ''),
        notifyUrl: String(data.notify_url),
        payer: String(data.payer.openid),
        state: 'open',
        createdAt: this.now()
      }
      const stored = await this.store.addOrder(order)
      return this.wechatReply(200, { prepay_id: stored.providerId })
    }
    const close = /^\/v3\/pay\/transactions\/out-trade-no\/([A-Za-z0-9_*|-]+)\/close$/.exec(path)
    if (req.method === 'POST' && close) {
      const { order, moved } = await this.store.moveOrder(close[1]!, ['open', 'declined'], 'declined')
      if (!order) return this.wechatReply(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' })
      if (!moved) return this.wechatReply(400, { code: 'ORDERPAID', message: '订单已支付' })
      return this.wechatReply(204, undefined)
    }
    if (req.method === 'POST' && path === '/v3/fund-app/mch-transfer/transfer-bills') {
      if (this.failTransfers > 0) {
        this.failTransfers--
        return this.wechatReply(500, { code: 'SYSTEM_ERROR', message: '系统繁忙，请稍后重试' })
      }
      const { transfer, created } = await this.store.addTransfer({
        wire: 'wechat',
        outBillNo: String(data.out_bill_no),
        billNo: `1330${randomDigits(26)}`,
        amount: Number(data.transfer_amount),
        payee: String(data.openid),
        ...(data.notify_url ? { notifyUrl: data.notify_url } : {}),
        state: 'WAIT_USER_CONFIRM'
      })
      if (created) this.transfersCreated++
      return this.wechatReply(200, this.wechatTransferView(transfer))
    }
    const q = /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([A-Za-z0-9]+)$/.exec(path)
    if (req.method === 'GET' && q) {
      const t = await this.store.transfer(q[1]!)
      return t ? this.wechatReply(200, this.wechatTransferView(t)) : this.wechatReply(404, { code: 'NOT_FOUND', message: '记录不存在' })
    }
    return this.wechatReply(404, { code: 'NOT_FOUND', message: `no such API ${req.method} ${path}` })
  }

  private wechatTransferView(t: SandboxTransfer) {
    return {
      out_bill_no: t.outBillNo,
      transfer_bill_no: t.billNo,
      create_time: new Date(this.now() * 1000).toISOString(),
      state: t.state,
      transfer_amount: t.amount,
      ...(t.state === 'WAIT_USER_CONFIRM' ? { package_info: Buffer.from(`sandbox:${t.outBillNo}`).toString('base64') } : {})
    }
  }

  // --- Alipay gateway ----------------------------------------------------------------------------------

  private async alipayGateway(req: SandboxRequest, u: URL): Promise<RawReply> {
    const k = this.keys.alipay
    const params: Record<string, string> = { ...Object.fromEntries(u.searchParams), ...Object.fromEntries(new URLSearchParams(req.body)) }
    const method = params.method ?? 'unknown'
    const reply = (data: Record<string, unknown>) => ({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: signedGatewayResponse(method, data, k.platform.privateKey)
    })
    if (params.app_id !== k.appId || !params.sign || !rsa2Verify(requestSignContent(params), params.sign, k.app.publicKey)) {
      return reply({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' })
    }
    const biz = JSON.parse(params.biz_content ?? '{}') as AlipayBiz
    if (method === 'alipay.trade.create') {
      const existing = await this.store.order(String(biz.out_trade_no))
      if (existing && existing.state !== 'open') return reply({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_HAS_SUCCESS', sub_msg: '交易已被支付' })
      const payer = biz.buyer_id ?? biz.buyer_open_id
      if (!payer) return reply({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.BUYER_NOT_EXIST', sub_msg: '买家不存在' })
      const order: SandboxOrder = existing ?? {
        wire: 'alipay',
        outTradeNo: String(biz.out_trade_no),
        providerId: `${chinaTime(this.now()).slice(0, 10).replace(/-/g, '')}22001${randomDigits(15)}`,
        transactionId: '',
        amount: yuanToFen(String(biz.total_amount)),
        description: String(biz.subject ?? ''),
        notifyUrl: String(params.notify_url ?? ''),
        payer: String(payer),
        state: 'open',
        createdAt: this.now()
      }
      order.transactionId = order.providerId
      const stored = await this.store.addOrder(order)
      return reply({ code: '10000', msg: 'Success', out_trade_no: stored.outTradeNo, trade_no: stored.providerId })
    }
    if (method === 'alipay.trade.close') {
      const { order: o, moved } = await this.store.moveOrder(String(biz.out_trade_no), ['open', 'declined'], 'declined')
      if (!o) return reply({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' })
      if (!moved) return reply({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: '交易状态不合法' })
      return reply({ code: '10000', msg: 'Success', out_trade_no: o.outTradeNo, trade_no: o.providerId })
    }
    if (method === 'alipay.fund.trans.uni.transfer') {
      if (this.failTransfers > 0) {
        this.failTransfers--
        return reply({ code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' })
      }
      const { transfer: t, created } = await this.store.addTransfer({
        wire: 'alipay',
        outBillNo: String(biz.out_biz_no),
        billNo: `2025${randomDigits(28)}`,
        amount: yuanToFen(String(biz.trans_amount)),
        payee: String(biz.payee_info?.identity),
        state: 'SUCCESS'
      })
      if (created) this.transfersCreated++
      return reply({ code: '10000', msg: 'Success', out_biz_no: t.outBillNo, order_id: t.billNo, pay_fund_order_id: t.billNo, status: t.state, trans_date: chinaTime(this.now()) })
    }
    if (method === 'alipay.fund.trans.common.query') {
      const t = await this.store.transfer(String(biz.out_biz_no))
      if (!t) return reply({ code: '40004', msg: 'Business Failed', sub_code: 'ORDER_NOT_EXIST', sub_msg: '转账订单不存在' })
      return reply({ code: '10000', msg: 'Success', out_biz_no: t.outBillNo, order_id: t.billNo, status: t.state })
    }
    return reply({ code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: `sandbox has no ${method}` })
  }
}
