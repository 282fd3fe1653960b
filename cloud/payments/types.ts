/**
 * One interface for every wallet the function can take money with: WeChat Pay v3, Alipay, and the local
 * sandbox wallet (which speaks the wire formats of both, so the same verification code runs in dev mode).
 */
export type ProviderName = 'wechat' | 'alipay' | 'sandbox'
export type PayoutWallet = 'wechat' | 'alipay'

/** Who pays, as the provider knows them: a WeChat openid, an Alipay user id (2088...) or open id. */
export interface PayerIdentity {
  openid?: string
  alipayUserId?: string
  alipayOpenId?: string
}

export interface CreateOrderRequest {
  /** Our order number (6-32 letters and digits): also the idempotency key at the provider. */
  outTradeNo: string
  /** Minor units (fen). Computed by the function from the settlement, never taken from the client. */
  amount: number
  currency: 'CNY'
  description: string
  payer: PayerIdentity
  /** Absolute URL the provider posts the payment notification to. */
  notifyUrl: string
}

/** What the app needs to open the wallet's cashier. */
export type ClientPayParams =
  | {
      kind: 'wechat'
      /** For Taro.requestPayment. */
      timeStamp: string
      nonceStr: string
      package: string
      signType: 'RSA'
      paySign: string
    }
  | { kind: 'alipay'; tradeNO: string }
  | { kind: 'sandbox'; orderId: string; wire: PayoutWallet; payUrl: string }

/** A verified, decrypted payment notification. */
export interface PaymentNotice {
  provider: PayoutWallet
  /** The provider's id of this notification (dedup key in the notify log). */
  notifyId: string
  outTradeNo: string
  providerTradeNo: string
  amount: number
  status: 'SUCCESS' | 'CLOSED' | 'OTHER'
}

/** A verified payout (transfer to the payee) status change, from a notification or a query. */
export interface PayoutNotice {
  provider: PayoutWallet
  notifyId: string
  outBillNo: string
  state: PayoutState
  amount: number
}

export type PayoutState = 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'SUCCESS' | 'FAIL' | 'CANCELLED'

export interface PayoutRequest {
  /** out_bill_no (WeChat) / out_biz_no (Alipay): the provider refuses a second transfer with the same number. */
  outBillNo: string
  amount: number
  payee: PayerIdentity & { name?: string }
  remark: string
  notifyUrl: string
}

export interface PayoutResult {
  state: PayoutState
  providerRef?: string
  /** WeChat merchant transfer: the payee confirms with requestMerchantTransfer({ mchId, appId, package }). */
  confirm?: { mchId: string; appId: string; package: string }
  failReason?: string
}

/** An incoming HTTP request as the notify routes see it: raw body, lower-cased header names. */
export interface RawRequest {
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface RawReply {
  status: number
  headers: Record<string, string>
  body: string
}

export interface PaymentProvider {
  readonly name: PayoutWallet
  createOrder(req: CreateOrderRequest): Promise<ClientPayParams>
  /** Verifies and decodes a notification; throws PaymentError (NOTIFY_*) when it must be refused. */
  parseNotify(req: RawRequest): PaymentNotice | PayoutNotice
  /** The reply the provider expects for an accepted or refused notification. */
  notifyReply(accepted: boolean, message?: string): RawReply
  /** Closes an unpaid order so it can no longer be paid (best effort when an order is replaced). */
  closeOrder(outTradeNo: string): Promise<void>
  payout(req: PayoutRequest): Promise<PayoutResult>
  queryPayout(outBillNo: string): Promise<PayoutResult>
}

export function isPayoutNotice(n: PaymentNotice | PayoutNotice): n is PayoutNotice {
  return 'outBillNo' in n
}
