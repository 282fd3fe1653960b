/**
 * Request/response schemas of the payment actions (createPaymentOrder, getTransfers, getTransfer,
 * confirmPayout). Maintained with cloud/payments; merged into `actions` by ./index.ts.
 */
import { z } from 'zod'
import { Amount, ClientId, Id, Timestamp } from './common'
import type { ActionSchemas } from './envelope'
import type { PaymentErrorCode } from './errors'

/** How the payer pays: their wallet in the mini-program, or the local sandbox wallet (dev mode, H5). */
export const PayChannel = z.enum(['wechat', 'alipay', 'sandbox'])
export type PayChannel = z.infer<typeof PayChannel>

export const TransferState = z.enum(['pending', 'paying', 'paid', 'payout_pending', 'settled', 'failed', 'cancelled'])
export type TransferState = z.infer<typeof TransferState>

export const PayoutState = z.enum(['queued', 'sending', 'processing', 'wait_user_confirm', 'succeeded', 'failed'])
export type PayoutState = z.infer<typeof PayoutState>

/** Parameters for the wallet's cashier (src/platform/pay*.ts). */
export const PayParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wechat'), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }),
  z.object({ kind: z.literal('alipay'), tradeNO: z.string() }),
  z.object({ kind: z.literal('sandbox'), orderId: z.string(), wire: z.enum(['wechat', 'alipay']), payUrl: z.string() })
])
export type PayParams = z.infer<typeof PayParams>

/** A WeChat transfer waiting for the payee: requestMerchantTransfer({ mchId, appId, package }). */
export const TransferConfirm = z.object({ mchId: z.string(), appId: z.string(), package: z.string(), outBillNo: z.string() })
export type TransferConfirm = z.infer<typeof TransferConfirm>

export const PayoutView = z.object({
  id: z.string(),
  wallet: z.enum(['wechat', 'alipay']),
  state: PayoutState,
  attempts: z.number().int(),
  nextAttemptAt: Timestamp.nullable(),
  lastError: z.string().nullable(),
  /** Present for the payee while WeChat waits for their confirmation. */
  confirm: TransferConfirm.nullable()
})
export type PayoutView = z.infer<typeof PayoutView>

export const TransferView = z.object({
  id: z.string(),
  groupId: Id,
  from: Id,
  to: Id,
  amount: Amount,
  currency: z.string(),
  channel: PayChannel,
  wire: z.enum(['wechat', 'alipay']),
  state: TransferState,
  /** The ledger payment recorded when the transfer was paid. */
  paymentId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  history: z.array(z.object({ from: TransferState.nullable(), to: TransferState, reason: z.string(), at: Timestamp })),
  payout: PayoutView.nullable()
})
export type TransferView = z.infer<typeof TransferView>

const createPaymentOrderInput = z.object({
  groupId: Id,
  from: Id,
  to: Id,
  clientId: ClientId,
  /** Default: the payer's wallet from their profile. */
  channel: PayChannel.optional()
})
const createPaymentOrderOutput = z.object({ transfer: TransferView, pay: PayParams })

const getTransfersInput = z.object({ groupId: Id })
const getTransfersOutput = z.object({ items: z.array(TransferView) })

const getTransferInput = z.object({ groupId: Id, transferId: Id })
const getTransferOutput = z.object({ transfer: TransferView })

/** The payee asks for the payout's current state (after confirming in the app, or to retry now). */
const confirmPayoutInput = z.object({ groupId: Id, transferId: Id, clientId: ClientId })
const confirmPayoutOutput = z.object({ transfer: TransferView })

/** Why the wallet button cannot work: the code createPaymentOrder would answer. */
export const NotPayable = z.enum(['PAYMENTS_DISABLED', 'PAYMENT_CURRENCY', 'PAYMENT_WALLET', 'PAYMENT_PAYER_IDENTITY'])
export type NotPayable = z.infer<typeof NotPayable>

/**
 * Whether I can pay each member in the app right now: null when I can, otherwise why not (no merchant on this
 * server, a group not in CNY, I have no wallet identity, the payee cannot receive). The app shows the wallet
 * button only for null and the reason with the direct and cash ways otherwise.
 */
const payOptionsInput = z.object({ groupId: Id })
const payOptionsOutput = z.object({ payees: z.record(z.string(), NotPayable.nullable()) })

/** Stable error codes of the payment actions (besides the transport codes); listed with their statuses in ./errors. */
export type PaymentApiErrorCode = PaymentErrorCode

/** The payment actions' schemas, typed per action (part of the one contract: src/api/index.ts `actions`). */
export const paymentActions = {
  createPaymentOrder: { input: createPaymentOrderInput, output: createPaymentOrderOutput },
  getTransfers: { input: getTransfersInput, output: getTransfersOutput },
  getTransfer: { input: getTransferInput, output: getTransferOutput },
  confirmPayout: { input: confirmPayoutInput, output: confirmPayoutOutput },
  payOptions: { input: payOptionsInput, output: payOptionsOutput }
} satisfies Record<string, ActionSchemas>

