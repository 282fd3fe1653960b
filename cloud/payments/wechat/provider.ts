/**
 * WeChat Pay v3 through wechatpay-axios-plugin: JSAPI orders for Taro.requestPayment, verified notifications,
 * and payouts with the merchant transfer API (transfer-bills; WAIT_USER_CONFIRM is confirmed by the payee in
 * the app with requestMerchantTransfer). Works in the platform-certificate mode (keys by certificate serial)
 * and in the WeChat Pay public-key mode (one key with an id "PUB_KEY_ID_...").
 */
import type { KeyObject } from 'node:crypto'
import { Rsa, Wechatpay } from 'wechatpay-axios-plugin'
import { PaymentError } from '../errors'
import type {
  ClientPayParams, CreateOrderRequest, PaymentNotice, PaymentProvider, PayoutNotice, PayoutRequest, PayoutResult,
  PayoutState, RawReply, RawRequest
} from '../types'
import { decryptResource, jsapiPayParams, readNotifyHeaders, verifyNotifySignature, type EncryptedResource } from './crypto'

export interface WechatPayConfig {
  appId: string
  mchId: string
  /** Serial number of the merchant API certificate. */
  serial: string
  /** The merchant API private key (apiclient_key.pem), PEM text or a KeyObject. */
  privateKey: string | KeyObject
  /** The 32-character APIv3 key. */
  apiV3Key: string
  /** Verification keys by Wechatpay-Serial: platform certificates by serial, or { PUB_KEY_ID_...: public key }. */
  platformKeys: Record<string, string | KeyObject>
  /** API host; the sandbox wallet's local endpoint in dev mode and tests. */
  baseURL?: string
  /** Merchant transfer scene (transfer_scene_id), default 1000. */
  transferSceneId?: string
  /** Seconds since the epoch. */
  now?: () => number
}

/** The fields we read from WeChat Pay answers and decrypted notification resources. */
interface WechatAnswer {
  prepay_id?: string
  state?: string
  transfer_bill_no?: string
  package_info?: string
  fail_reason?: string
}

interface WechatResource {
  appid?: string
  mchid?: string
  mch_id?: string
  out_trade_no?: string
  transaction_id?: string
  trade_state?: string
  amount?: { total?: number }
  out_bill_no?: string
  state?: string
  transfer_amount?: number
}

interface ChainNode {
  post(data: unknown, config?: Record<string, unknown>): Promise<{ data: WechatAnswer }>
  get(config?: Record<string, unknown>): Promise<{ data: WechatAnswer }>
}

export const WECHAT_PAYOUT_STATES: Record<string, PayoutState> = {
  ACCEPTED: 'ACCEPTED',
  PROCESSING: 'PROCESSING',
  TRANSFERING: 'PROCESSING',
  WAIT_USER_CONFIRM: 'WAIT_USER_CONFIRM',
  SUCCESS: 'SUCCESS',
  FAIL: 'FAIL',
  CANCELING: 'PROCESSING',
  CANCELLED: 'CANCELLED'
}

function providerError(err: unknown, what: string): PaymentError {
  const e = err as { code?: string; response?: { status?: number; data?: { code?: string; message?: string } }; message?: string }
  // a business error from WeChat Pay carries its code in the body; a refused response signature in err.code
  const code = e.response?.data?.code ?? e.code
  const msg = e.response?.data?.message ?? e.message ?? String(err)
  return new PaymentError('PAYMENT_PROVIDER', `WeChat Pay ${what} failed${code ? ` (${code})` : ''}: ${msg}`, {
    status: e.response?.status,
    code
  })
}

export class WechatPayProvider implements PaymentProvider {
  readonly name = 'wechat' as const
  private readonly key: KeyObject
  private readonly verifyKeys: Record<string, KeyObject>
  private readonly client: Record<string, ChainNode>
  private readonly now: () => number
  private readonly extraHeaders: Record<string, string>

  constructor(private readonly cfg: WechatPayConfig) {
    if (!/^[0-9a-zA-Z]{32}$/.test(cfg.apiV3Key)) throw new PaymentError('PAYMENTS_DISABLED', 'WECHATPAY_APIV3_KEY must be 32 letters or digits')
    this.key = Rsa.from(cfg.privateKey, Rsa.KEY_TYPE_PRIVATE)
    this.verifyKeys = Object.fromEntries(
      Object.entries(cfg.platformKeys).map(([id, k]) => [id, Rsa.from(k, Rsa.KEY_TYPE_PUBLIC)])
    )
    if (Object.keys(this.verifyKeys).length === 0) {
      throw new PaymentError('PAYMENTS_DISABLED', 'a WeChat Pay platform certificate or public key is required')
    }
    this.now = cfg.now ?? (() => Math.floor(Date.now() / 1000))
    const pubKeyId = Object.keys(this.verifyKeys).find((id) => id.startsWith('PUB_KEY_ID_'))
    this.extraHeaders = pubKeyId ? { 'Wechatpay-Serial': pubKeyId } : {}
    this.client = new Wechatpay({
      mchid: cfg.mchId,
      serial: cfg.serial,
      privateKey: this.key,
      certs: this.verifyKeys,
      ...(cfg.baseURL ? { baseURL: cfg.baseURL } : {})
    } as unknown as ConstructorParameters<typeof Wechatpay>[0]) as unknown as Record<string, ChainNode>
  }

  async createOrder(req: CreateOrderRequest): Promise<ClientPayParams> {
    if (!req.payer.openid) throw new PaymentError('PAYMENT_PAYER_IDENTITY', 'the payer has no WeChat openid (sign in with WeChat first)')
    let prepayId: string | undefined
    try {
      const { data } = await this.client['v3/pay/transactions/jsapi'].post(
        {
          appid: this.cfg.appId,
          mchid: this.cfg.mchId,
          description: req.description.slice(0, 127),
          out_trade_no: req.outTradeNo,
          notify_url: req.notifyUrl,
          amount: { total: req.amount, currency: req.currency },
          payer: { openid: req.payer.openid }
        },
        { headers: this.extraHeaders }
      )
      prepayId = data.prepay_id
    } catch (err) {
      throw providerError(err, 'JSAPI order')
    }
    if (typeof prepayId !== 'string' || !prepayId) throw new PaymentError('PAYMENT_PROVIDER', 'WeChat Pay returned no prepay_id')
    return { kind: 'wechat', ...jsapiPayParams(this.cfg.appId, prepayId, this.key, this.now()) }
  }

  parseNotify(req: RawRequest): PaymentNotice | PayoutNotice {
    verifyNotifySignature(readNotifyHeaders(req.headers), req.body, this.verifyKeys, this.now())
    let envelope: { id?: string; event_type?: string; resource?: EncryptedResource }
    try {
      envelope = JSON.parse(req.body)
    } catch {
      throw new PaymentError('NOTIFY_MALFORMED', 'notification body is not JSON')
    }
    if (!envelope || typeof envelope.id !== 'string' || !envelope.resource) {
      throw new PaymentError('NOTIFY_MALFORMED', 'notification has no id or resource')
    }
    const r = decryptResource(envelope.resource, this.cfg.apiV3Key) as WechatResource
    if (envelope.event_type?.startsWith('MCHTRANSFER.')) {
      if (r.mch_id !== undefined && r.mch_id !== this.cfg.mchId) throw new PaymentError('NOTIFY_APP', 'transfer notification for another merchant')
      const state = WECHAT_PAYOUT_STATES[String(r.state)]
      if (!state || typeof r.out_bill_no !== 'string') throw new PaymentError('NOTIFY_MALFORMED', 'transfer notification without state or out_bill_no')
      return { provider: 'wechat', notifyId: envelope.id, outBillNo: r.out_bill_no, state, amount: Number(r.transfer_amount) }
    }
    if (r.mchid !== this.cfg.mchId || r.appid !== this.cfg.appId) {
      throw new PaymentError('NOTIFY_APP', 'payment notification for another merchant or app')
    }
    const total = r.amount?.total
    if (typeof r.out_trade_no !== 'string' || typeof total !== 'number' || !Number.isSafeInteger(total)) {
      throw new PaymentError('NOTIFY_MALFORMED', 'payment notification without out_trade_no or amount')
    }
    return {
      provider: 'wechat',
      notifyId: envelope.id,
      outTradeNo: r.out_trade_no,
      providerTradeNo: String(r.transaction_id ?? ''),
      amount: total,
      status: r.trade_state === 'SUCCESS' ? 'SUCCESS' : r.trade_state === 'CLOSED' ? 'CLOSED' : 'OTHER'
    }
  }

  notifyReply(accepted: boolean, message?: string): RawReply {
    if (accepted) return { status: 204, headers: {}, body: '' }
    return {
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ code: 'FAIL', message: message ?? 'refused' })
    }
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    try {
      await this.client['v3/pay/transactions/out-trade-no/{out_trade_no}/close'].post(
        { mchid: this.cfg.mchId },
        { out_trade_no: encodeURIComponent(outTradeNo), headers: this.extraHeaders }
      )
    } catch (err) {
      throw providerError(err, 'close order')
    }
  }

  async payout(req: PayoutRequest): Promise<PayoutResult> {
    if (!req.payee.openid) throw new PaymentError('PAYMENT_PAYER_IDENTITY', 'the payee has no WeChat openid')
    try {
      const { data } = await this.client['v3/fund-app/mch-transfer/transfer-bills'].post(
        {
          appid: this.cfg.appId,
          out_bill_no: req.outBillNo,
          transfer_scene_id: this.cfg.transferSceneId ?? '1000',
          openid: req.payee.openid,
          transfer_amount: req.amount,
          transfer_remark: req.remark.slice(0, 32),
          notify_url: req.notifyUrl,
          transfer_scene_report_infos: [
            { info_type: '活动名称', info_content: '账单结算' },
            { info_type: '奖励说明', info_content: req.remark.slice(0, 32) }
          ]
        },
        { headers: this.extraHeaders }
      )
      return this.payoutResult(data)
    } catch (err) {
      if (err instanceof PaymentError) throw err
      throw providerError(err, 'transfer')
    }
  }

  async queryPayout(outBillNo: string): Promise<PayoutResult> {
    try {
      const { data } = await this.client['v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}'].get({
        out_bill_no: encodeURIComponent(outBillNo),
        headers: this.extraHeaders
      })
      return this.payoutResult(data)
    } catch (err) {
      if (err instanceof PaymentError) throw err
      throw providerError(err, 'transfer query')
    }
  }

  private payoutResult(data: WechatAnswer): PayoutResult {
    const state = WECHAT_PAYOUT_STATES[String(data.state)]
    if (!state) throw new PaymentError('PAYMENT_PROVIDER', `unknown transfer state ${data.state}`)
    return {
      state,
      providerRef: data.transfer_bill_no,
      ...(state === 'WAIT_USER_CONFIRM' && data.package_info
        ? { confirm: { mchId: this.cfg.mchId, appId: this.cfg.appId, package: String(data.package_info) } }
        : {}),
      ...(data.fail_reason ? { failReason: String(data.fail_reason) } : {})
    }
  }
}
