/** What every target's `payOrder` takes and returns (pay.weapp.ts, pay.alipay.ts, pay.h5.ts). */
import type { Locale } from '@/i18n'

/**
 * The signed parameters the function's createPaymentOrder returns (one shape per wallet), and a WeChat merchant
 * transfer waiting for the payee (requestMerchantTransfer({ mchId, appId, package }); the sandbox wallet confirms by
 * outBillNo): the API's own types, so the two sides cannot disagree.
 */
export type { PayParams, TransferConfirm } from '@/api/payments'

export type PayStatus = 'paid' | 'cancelled' | 'failed' | 'timeout'

export interface PayResult {
  status: PayStatus
  /** A sentence for the person, in the requested locale (absent when paid). */
  message?: string
}

export interface PayOptions {
  locale?: Locale
  /** Give up waiting for the wallet after this many milliseconds (default 180 000). */
  timeoutMs?: number
}

export const DEFAULT_PAY_TIMEOUT_MS = 180_000

type MessageKey = 'cancelled' | 'failed' | 'timeout' | 'unknown' | 'wrongWallet' | 'noConfirm'

const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': {
    cancelled: '你取消了付款，没有扣款。',
    failed: '付款失败，没有扣款。请稍后再试。',
    timeout: '等待付款结果超时。如果已经扣款，结果会在几分钟内自动更新。',
    unknown: '付款结果暂未确认，确认后会自动更新。',
    wrongWallet: '这笔订单不能在当前钱包里支付。',
    noConfirm: '这笔转账不需要确认。'
  },
  en: {
    cancelled: 'You cancelled the payment. Nothing was charged.',
    failed: 'The payment failed. Nothing was charged. Please try again later.',
    timeout: 'Timed out waiting for the payment result. If you were charged, it will update within a few minutes.',
    unknown: 'The payment result is not confirmed yet; it will update automatically.',
    wrongWallet: 'This order cannot be paid with this wallet.',
    noConfirm: 'This transfer needs no confirmation.'
  }
}

export function payMessage(key: MessageKey, locale: Locale = 'zh-CN', detail?: string): string {
  const text = MESSAGES[locale][key]
  return detail ? `${text} (${detail})` : text
}

/** Resolves with the wallet's outcome, or with `timeout` if it does not answer in time. */
export function withTimeout(run: Promise<PayResult>, ms: number, locale: Locale = 'zh-CN'): Promise<PayResult> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<PayResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timeout', message: payMessage('timeout', locale) }), ms)
  })
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer))
}
