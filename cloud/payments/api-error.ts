/** Payment failures as action errors: stable codes, 400 for the caller's request, 502 when a provider failed. */
import type { PaymentApiErrorCode } from '../../src/api/payments'
import { ApiError, notConfigured } from '../errors'
import { PaymentError } from './errors'

/**
 * Turns a PaymentError from a provider module into the action error. A configuration problem (PAYMENTS_DISABLED
 * from a provider: a missing key or certificate) reaches the client as "not available" only.
 */
export function toApiError(err: unknown): unknown {
  if (!(err instanceof PaymentError)) return err
  if (err.code === 'PAYMENTS_DISABLED') return notConfigured('PAYMENTS_DISABLED', 'In-app payment is not available on this server', err.message)
  const code: PaymentApiErrorCode = err.code === 'PAYMENT_PAYER_IDENTITY' || err.code === 'PAYMENT_CURRENCY' ? err.code : 'PAYMENT_PROVIDER'
  // The status comes from the code (src/api/errors.ts): PAYMENT_PROVIDER is a 502, the others are 400s.
  return new ApiError(code, err.message, err.details)
}
