/** Stable error codes of the payments module: a subset of the function's codes (src/api/errors.ts). */
import type { NotifyErrorCode, PaymentErrorCode as PaymentActionErrorCode } from '../../src/api/errors'

export type PaymentErrorCode = PaymentActionErrorCode | Exclude<NotifyErrorCode, 'NOTIFY_ERROR' | 'SANDBOX_BAD_REQUEST'> | 'PAYMENT_STATE'

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
