/**
 * Paying a transfer with the wallet of the build target. Taro picks pay.weapp.ts / pay.alipay.ts / pay.h5.ts;
 * every one exports `payOrder(params, options?): Promise<PayResult>` and `confirmTransfer(confirm, options?)`.
 * This file holds the shared types and the fallback for a target without an in-app wallet.
 */
import { payMessage, type PayOptions, type PayParams, type PayResult, type TransferConfirm } from './pay-types'

export type { PayOptions, PayParams, PayResult, PayStatus, TransferConfirm } from './pay-types'

export async function payOrder(_params: PayParams, options: PayOptions = {}): Promise<PayResult> {
  return { status: 'failed', message: payMessage('wrongWallet', options.locale) }
}

export async function confirmTransfer(_confirm: TransferConfirm, options: PayOptions = {}): Promise<PayResult> {
  return { status: 'failed', message: payMessage('noConfirm', options.locale) }
}
