/**
 * The request/response contract between the app and the cloud function.
 * Wire: POST /api { action, input } with `Authorization: Bearer <token>` (absent only for signIn);
 * reply { ok: true, data } or { ok: false, error: { code, message, details? } } with the status of `statusForCode`.
 */
import type { z } from 'zod'
import { coreActions } from './actions'
import { importActions } from './import'
import { lookBackActions } from './look-back'
import { messageActions } from './messages'
import { paymentActions } from './payments'
import { receiptActions } from './receipts'
import { recurringActions } from './recurring'

export * from './common'
export * from './views'
export * from './actions'
export * from './errors'
export * from './envelope'
export { paymentActions } from './payments'
export * from './messages'
export { recurringActions, RecurringView, RecurrenceRuleSchema, type RecurringTemplate } from './recurring'
export { IMPORT_MAX_CHARS, ImportFormat, importActions } from './import'
export { GroupStatsView } from './look-back'
export { receiptActions, ReceiptView, ReceiptContentType, RECEIPT_URL_TTL_SECONDS } from './receipts'

/** Every action the function answers, the payment actions included: one contract, typed per action. */
export const actions = { ...paymentActions, ...messageActions, ...recurringActions, ...importActions, ...receiptActions, ...lookBackActions, ...coreActions }

export type Actions = typeof actions
export type ActionName = keyof Actions
/** What a client sends (defaults may be omitted). */
export type ActionInput<A extends ActionName> = z.input<Actions[A]['input']>
/** What a client receives. */
export type ActionOutput<A extends ActionName> = z.output<Actions[A]['output']>
