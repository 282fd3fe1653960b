/**
 * Request/response schemas of the payment actions (createPaymentOrder, getTransfers, getTransfer,
 * confirmPayout). Maintained with cloud/payments; merged into `actions` by ./index.ts.
 */
import type { ActionSchemas } from './envelope'

export const paymentActions: Record<string, ActionSchemas> = {}
