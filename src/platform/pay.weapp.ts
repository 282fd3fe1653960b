/** WeChat: Taro.requestPayment with the function's signed JSAPI parameters; transfers confirmed with requestMerchantTransfer. */
import Taro from '@tarojs/taro'
import { DEFAULT_PAY_TIMEOUT_MS, payMessage, withTimeout, type PayOptions, type PayParams, type PayResult, type TransferConfirm } from './pay-types'

export type { PayOptions, PayParams, PayResult, PayStatus, TransferConfirm } from './pay-types'

function errMsgOf(err: unknown): string {
  return String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? err)
}

export async function payOrder(params: PayParams, options: PayOptions = {}): Promise<PayResult> {
  const { locale } = options
  if (params.kind !== 'wechat') return { status: 'failed', message: payMessage('wrongWallet', locale) }
  const run = Taro.requestPayment({
    timeStamp: params.timeStamp,
    nonceStr: params.nonceStr,
    package: params.package,
    signType: params.signType,
    paySign: params.paySign
  }).then(
    (): PayResult => ({ status: 'paid' }),
    (err): PayResult => {
      const msg = errMsgOf(err)
      if (/cancel/i.test(msg)) return { status: 'cancelled', message: payMessage('cancelled', locale) }
      return { status: 'failed', message: payMessage('failed', locale, msg) }
    }
  )
  return withTimeout(run, options.timeoutMs ?? DEFAULT_PAY_TIMEOUT_MS, locale)
}

interface MerchantTransferApi {
  requestMerchantTransfer?: (opts: {
    mchId: string
    appId: string
    package: string
    success: () => void
    fail: (err: { errMsg?: string }) => void
  }) => void
}

export async function confirmTransfer(confirm: TransferConfirm, options: PayOptions = {}): Promise<PayResult> {
  const { locale } = options
  const api = (globalThis as { wx?: MerchantTransferApi }).wx
  if (!api?.requestMerchantTransfer) return { status: 'failed', message: payMessage('failed', locale, 'requestMerchantTransfer unavailable') }
  const run = new Promise<PayResult>((resolve) => {
    api.requestMerchantTransfer!({
      mchId: confirm.mchId,
      appId: confirm.appId,
      package: confirm.package,
      success: () => resolve({ status: 'paid' }),
      fail: (err) => {
        const msg = errMsgOf(err)
        resolve(/cancel/i.test(msg) ? { status: 'cancelled', message: payMessage('cancelled', locale) } : { status: 'failed', message: payMessage('failed', locale, msg) })
      }
    })
  })
  return withTimeout(run, options.timeoutMs ?? DEFAULT_PAY_TIMEOUT_MS, locale)
}
