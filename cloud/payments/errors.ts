/** Stable error codes of the payments module. */
export type PaymentErrorCode =
  | 'PAYMENTS_DISABLED'
  | 'PAYMENT_CURRENCY'
  | 'PAYMENT_NO_TRANSFER'
  | 'PAYMENT_WALLET'
  | 'PAYMENT_PAYER_IDENTITY'
  | 'PAYMENT_PROVIDER'
  | 'PAYMENT_STATE'
  | 'NOTIFY_MALFORMED'
  | 'NOTIFY_SIGNATURE'
  | 'NOTIFY_REPLAY'
  | 'NOTIFY_UNKNOWN_SERIAL'
  | 'NOTIFY_UNKNOWN_ORDER'
  | 'NOTIFY_AMOUNT'
  | 'NOTIFY_APP'

export class PaymentError extends Error {
  readonly code: PaymentErrorCode
  readonly details?: unknown
  constructor(code: PaymentErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'PaymentError'
    this.code = code
    this.details = details
  }
}
