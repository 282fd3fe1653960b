/** Alipay: Taro.tradePay({ tradeNO }); the result code '9000' means paid (a string or a number, top level or nested). */
import Taro from '@tarojs/taro'
import { DEFAULT_PAY_TIMEOUT_MS, payMessage, withTimeout, type PayOptions, type PayParams, type PayResult, type TransferConfirm } from './pay-types'
import type { Locale } from '@/i18n'

export type { PayOptions, PayParams, PayResult, PayStatus, TransferConfirm } from './pay-types'

/** Finds resultCode in { resultCode } or { response: { resultCode } }, as a string. */
export function resultCodeOf(res: unknown): string | undefined {
  const r = res as { resultCode?: unknown; response?: { resultCode?: unknown } } | undefined
  const code = r?.resultCode ?? r?.response?.resultCode
  return code === undefined || code === null ? undefined : String(code)
}

export function resultFromCode(code: string | undefined, locale?: Locale, detail?: string): PayResult {
  switch (code) {
    case '9000':
      return { status: 'paid' }
    case '6001':
      return { status: 'cancelled', message: payMessage('cancelled', locale) }
    case '8000':
    case '6004':
      return { status: 'timeout', message: payMessage('unknown', locale) }
    default:
      return { status: 'failed', message: payMessage('failed', locale, detail ?? (code ? `resultCode ${code}` : undefined)) }
  }
}

export async function payOrder(params: PayParams, options: PayOptions = {}): Promise<PayResult> {
  const { locale } = options
  if (params.kind !== 'alipay') return { status: 'failed', message: payMessage('wrongWallet', locale) }
  const run = Taro.tradePay({ tradeNO: params.tradeNO }).then(
    (res) => resultFromCode(resultCodeOf(res), locale),
    (err) => {
      const code = resultCodeOf(err)
      return code ? resultFromCode(code, locale) : resultFromCode(undefined, locale, String((err as { errorMessage?: string; errMsg?: string })?.errorMessage ?? (err as { errMsg?: string })?.errMsg ?? err))
    }
  )
  return withTimeout(run, options.timeoutMs ?? DEFAULT_PAY_TIMEOUT_MS, locale)
}

/** Alipay transfers reach the payee's account directly: there is nothing to confirm. */
export async function confirmTransfer(_confirm: TransferConfirm, options: PayOptions = {}): Promise<PayResult> {
  return { status: 'failed', message: payMessage('noConfirm', options.locale) }
}
