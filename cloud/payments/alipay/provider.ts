/**
 * Alipay through the official alipay-sdk: alipay.trade.create for the buyer -> trade_no for Taro.tradePay,
 * RSA2-verified async notifications answered `success`, payouts with alipay.fund.trans.uni.transfer.
 */
import { AlipaySdk } from 'alipay-sdk'
import type { KeyObject } from 'node:crypto'
import { PaymentError } from '../errors'
import { pem, toPrivateKey, toPublicKey } from '../keys'
import { fenToYuan, yuanToFen } from '../money'
import type {
  ClientPayParams, CreateOrderRequest, PaymentNotice, PaymentProvider, PayoutRequest, PayoutResult, PayoutState,
  RawReply, RawRequest
} from '../types'
import { ALIPAY_NOTIFY_WINDOW_SECONDS, parseChinaTime, verifyNotify } from './crypto'

export interface AlipayConfig {
  appId: string
  /** The application private key (PKCS#1 or PKCS#8, PEM or bare base64). */
  privateKey: string | KeyObject
  /** Public-key mode: the Alipay public key. */
  alipayPublicKey?: string | KeyObject
  /** Certificate mode (required by Alipay for transfers): the three certificates' PEM text. */
  appCert?: string
  alipayPublicCert?: string
  alipayRootCert?: string
  /** The gateway URL; the sandbox wallet's local endpoint in dev mode and tests. */
  gateway?: string
  /** Seconds since the epoch. */
  now?: () => number
}

/** The fields we read from gateway answers (camelcase off: as Alipay names them). */
interface AlipayAnswer {
  code?: string
  msg?: string
  sub_code?: string
  sub_msg?: string
  trade_no?: string
  order_id?: string
  status?: string
  fail_reason?: string
}

const PAYOUT_STATES: Record<string, PayoutState> = {
  SUCCESS: 'SUCCESS',
  DEALING: 'PROCESSING',
  WAIT_PAY: 'PROCESSING',
  INIT: 'PROCESSING',
  FAIL: 'FAIL',
  REFUND: 'FAIL',
  CLOSED: 'CANCELLED'
}

function providerError(err: unknown, what: string): PaymentError {
  const e = err as { message?: string; code?: string; subCode?: string; subMsg?: string }
  return new PaymentError('PAYMENT_PROVIDER', `Alipay ${what} failed: ${e.subMsg ?? e.message ?? String(err)}`, { code: e.code, subCode: e.subCode })
}

export class AlipayProvider implements PaymentProvider {
  readonly name = 'alipay' as const
  readonly sdk: AlipaySdk
  private readonly now: () => number

  constructor(private readonly cfg: AlipayConfig) {
    const certMode = Boolean(cfg.appCert && cfg.alipayPublicCert && cfg.alipayRootCert)
    if (!certMode && !cfg.alipayPublicKey) {
      throw new PaymentError('PAYMENTS_DISABLED', 'ALIPAY_PUBLIC_KEY (or the three ALIPAY_*_CERT certificates) is required')
    }
    this.sdk = new AlipaySdk({
      appId: cfg.appId,
      privateKey: pem(toPrivateKey(cfg.privateKey)),
      keyType: 'PKCS8',
      signType: 'RSA2',
      ...(certMode
        ? { appCertContent: cfg.appCert, alipayPublicCertContent: cfg.alipayPublicCert, alipayRootCertContent: cfg.alipayRootCert }
        : { alipayPublicKey: pem(toPublicKey(cfg.alipayPublicKey!)) }),
      ...(cfg.gateway ? { gateway: cfg.gateway } : {}),
      camelcase: false,
      timeout: 10000
    })
    this.now = cfg.now ?? (() => Math.floor(Date.now() / 1000))
  }

  private async call(method: string, bizContent: Record<string, unknown>, extra: Record<string, string> = {}) {
    let res: AlipayAnswer
    try {
      res = (await this.sdk.exec(method, { bizContent, ...extra }, { validateSign: true })) as AlipayAnswer
    } catch (err) {
      throw providerError(err, method)
    }
    if (res.code !== '10000') {
      throw new PaymentError('PAYMENT_PROVIDER', `Alipay ${method} failed (${res.sub_code ?? res.code}): ${res.sub_msg ?? res.msg}`, {
        code: res.code,
        subCode: res.sub_code
      })
    }
    return res
  }

  async createOrder(req: CreateOrderRequest): Promise<ClientPayParams> {
    const { alipayUserId, alipayOpenId } = req.payer
    if (!alipayUserId && !alipayOpenId) throw new PaymentError('PAYMENT_PAYER_IDENTITY', 'the payer has no Alipay user id (sign in with Alipay first)')
    const res = await this.call(
      'alipay.trade.create',
      {
        out_trade_no: req.outTradeNo,
        total_amount: fenToYuan(req.amount),
        subject: req.description.slice(0, 256),
        product_code: 'JSAPI_PAY',
        op_app_id: this.cfg.appId,
        ...(alipayUserId ? { buyer_id: alipayUserId } : { buyer_open_id: alipayOpenId })
      },
      { notifyUrl: req.notifyUrl }
    )
    if (typeof res.trade_no !== 'string' || !res.trade_no) throw new PaymentError('PAYMENT_PROVIDER', 'Alipay returned no trade_no')
    return { kind: 'alipay', tradeNO: res.trade_no }
  }

  parseNotify(req: RawRequest): PaymentNotice {
    const params = Object.fromEntries(new URLSearchParams(req.body))
    verifyNotify(params, this.sdk.config.alipayPublicKey)
    if (params.app_id !== this.cfg.appId) throw new PaymentError('NOTIFY_APP', 'notification for another app')
    const sent = parseChinaTime(params.notify_time ?? '')
    if (sent === undefined) throw new PaymentError('NOTIFY_MALFORMED', 'notify_time missing or malformed')
    if (Math.abs(this.now() - sent) > ALIPAY_NOTIFY_WINDOW_SECONDS) {
      throw new PaymentError('NOTIFY_REPLAY', `notify_time ${params.notify_time} is outside the ${ALIPAY_NOTIFY_WINDOW_SECONDS}s window`)
    }
    if (!params.notify_id || !params.out_trade_no || !params.total_amount) {
      throw new PaymentError('NOTIFY_MALFORMED', 'notification without notify_id, out_trade_no or total_amount')
    }
    const s = params.trade_status
    return {
      provider: 'alipay',
      notifyId: params.notify_id,
      outTradeNo: params.out_trade_no,
      providerTradeNo: params.trade_no ?? '',
      amount: yuanToFen(params.total_amount),
      status: s === 'TRADE_SUCCESS' || s === 'TRADE_FINISHED' ? 'SUCCESS' : s === 'TRADE_CLOSED' ? 'CLOSED' : 'OTHER'
    }
  }

  notifyReply(accepted: boolean): RawReply {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: accepted ? 'success' : 'fail' }
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('alipay.trade.close', { out_trade_no: outTradeNo })
  }

  async payout(req: PayoutRequest): Promise<PayoutResult> {
    const { alipayUserId, alipayOpenId } = req.payee
    if (!alipayUserId && !alipayOpenId) throw new PaymentError('PAYMENT_PAYER_IDENTITY', 'the payee has no Alipay user id')
    const res = await this.call('alipay.fund.trans.uni.transfer', {
      out_biz_no: req.outBillNo,
      trans_amount: fenToYuan(req.amount),
      product_code: 'TRANS_ACCOUNT_NO_PWD',
      biz_scene: 'DIRECT_TRANSFER',
      order_title: req.remark.slice(0, 64),
      payee_info: alipayUserId
        ? { identity: alipayUserId, identity_type: 'ALIPAY_USER_ID' }
        : { identity: alipayOpenId, identity_type: 'ALIPAY_OPEN_ID' },
      remark: req.remark.slice(0, 200)
    })
    return this.payoutResult(res)
  }

  async queryPayout(outBillNo: string): Promise<PayoutResult> {
    const res = await this.call('alipay.fund.trans.common.query', {
      out_biz_no: outBillNo,
      product_code: 'TRANS_ACCOUNT_NO_PWD',
      biz_scene: 'DIRECT_TRANSFER'
    })
    return this.payoutResult(res)
  }

  private payoutResult(res: AlipayAnswer): PayoutResult {
    const state = PAYOUT_STATES[String(res.status)]
    if (!state) throw new PaymentError('PAYMENT_PROVIDER', `unknown transfer status ${res.status}`)
    return { state, providerRef: res.order_id, ...(res.fail_reason ? { failReason: String(res.fail_reason) } : {}) }
  }
}
