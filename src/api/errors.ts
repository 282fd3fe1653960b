/**
 * Stable error codes the function answers with, and the HTTP status each maps to. This file is the single
 * source of truth: every code the function can send (or record) is a key of one table below, and the types
 * are derived from the tables, so `new ApiError(code, ...)` cannot take a code that is not listed here.
 */
import { domainErrorCodes, type DomainErrorCode } from '../domain'

/** Transport, identity, authorization and ledger codes. */
const TRANSPORT_STATUS = {
  BAD_REQUEST: 400, // the body is not JSON or not { action, input }
  INVALID_INPUT: 400, // the input does not match the action's schema
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TIMEOUT: 408, // the declared body did not arrive in time
  METHOD_NOT_ALLOWED: 405,
  UNKNOWN_ACTION: 404,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401, // no, forged or expired session token
  NOT_MEMBER: 403, // the caller is not a member of the group (or the group does not exist)
  FORBIDDEN: 403, // a member, but not allowed to do this
  VERSION_CONFLICT: 409, // expectedVersion is stale: reload and retry
  CLIENT_ID_REUSED: 409, // the clientId was already used for a different request
  INVITE_INVALID: 404, // no such invite token
  INVITE_REVOKED: 409,
  MEMBER_CLAIMED: 409, // the placeholder member already belongs to someone
  MEMBER_IN_USE: 409, // cannot give up a member that has expenses or payments
  MEMBER_NOT_JOINED: 409, // a member added by name who has not joined cannot take the organizer role
  GROUP_HAS_EXPENSES: 409, // the currency changes only while the group holds no expense and no payment
  GROUP_ARCHIVED: 409, // the group is archived: read-only until its organizer restores it
  GROUP_NOT_SETTLED: 409, // only a settled group (every balance zero, nothing pending) can be deleted
  MEMBER_HAS_BALANCE: 409, // a member leaves or is removed only at a zero balance (details: balance, currency)
  MEMBER_HAS_PENDING: 409, // a payment to or from the member waits for confirmation
  MEMBER_LEFT: 409, // the member left the group: nothing new may change what they owe
  REMINDER_TOO_SOON: 409, // one reminder per transfer per 12 hours (details: nextAt)
  ALREADY_MEMBER: 409,
  EXPENSE_DELETED: 409,
  RECEIPT_TOO_LARGE: 413, // addReceipt: the image (1 MB) or its thumbnail (64 KB) is too large once decoded (details: field, bytes, max)
  RECEIPT_TYPE: 415, // addReceipt: not a JPEG, PNG or WebP, or the bytes are not the declared type (details: field, declared, detected)
  RECEIPT_LIMIT: 409, // addReceipt: the expense already has as many receipt photos as it may (details: max)
  RECEIPT_URL_INVALID: 403, // GET /receipts/<id>: the link's signature does not match
  RECEIPT_URL_EXPIRED: 403, // GET /receipts/<id>: the link has expired: load the expense again for a new one
  RECURRING_NOT_FOUND: 404, // no such recurring series in this group
  RECURRING_STOPPED: 409, // the recurring series was stopped: it can no longer be edited or stopped again
  PAYMENT_STATE: 409, // e.g. confirming an already confirmed payment
  ACCOUNT_HAS_BALANCE: 409, // deleteAccount: a member of mine owes or is owed in a group (details: groups with balance, currency)
  ACCOUNT_PAYMENT_IN_PROGRESS: 409, // deleteAccount: a wallet transfer or payout, or a hand-recorded payment, involving me is not finished
  QUOTA_GROUPS: 409, // the person is in as many groups as one may be
  QUOTA_MEMBERS: 409, // the group has as many members as a group may have
  QUOTA_EXPENSES: 409, // the group holds as many expenses as a group may
  RATE_LIMITED: 429, // too many requests from this user or address: slow down (Retry-After)
  DEV_SIGNIN_DISABLED: 403, // the dev sign-in exists only in dev mode
  PROVIDER_NOT_CONFIGURED: 400, // WeChat / Alipay credentials missing
  PROVIDER_ERROR: 401, // WeChat / Alipay refused the code
  CHAT_DATA_INVALID: 400, // WeChat chat data (share ticket) that does not decrypt, is of another app, or is stale
  IMPORT_INVALID: 400, // importGroup: the file is not one we read, or a line of it is wrong (details: line, and what is wrong)
  IMPORT_MISMATCH: 400, // importGroup: the file's own balances are not what its expenses and payments add up to (details: member, expected, computed)
  INTERNAL: 500
} as const

/** Codes of the payment actions (createPaymentOrder, confirmPayout; see docs/payments.md). */
const PAYMENT_STATUS = {
  PAYMENTS_DISABLED: 400, // no in-app payment is configured on this server
  PAYMENT_CURRENCY: 400, // in-app payment is in CNY only
  PAYMENT_NO_TRANSFER: 400, // no open suggested transfer between these members: reload
  PAYMENT_WALLET: 400, // the payee cannot receive in the app, or the wallet is not configured
  PAYMENT_PAYER_IDENTITY: 400, // the payer is not signed in with that wallet
  PAYMENT_PROVIDER: 502 // the provider refused or did not answer
} as const

/**
 * Why a payment notification (/notify/wechat, /notify/alipay) was refused. The provider gets its own refusal
 * format; the code is recorded with the notification. The sandbox wallet answers its bad requests with
 * SANDBOX_BAD_REQUEST.
 */
const NOTIFY_STATUS = {
  NOTIFY_MALFORMED: 400,
  NOTIFY_SIGNATURE: 401,
  NOTIFY_REPLAY: 400,
  NOTIFY_UNKNOWN_SERIAL: 400,
  NOTIFY_UNKNOWN_ORDER: 404,
  NOTIFY_AMOUNT: 400,
  NOTIFY_APP: 400,
  NOTIFY_ERROR: 500, // a fault on our side while applying a verified notification
  SANDBOX_BAD_REQUEST: 400
} as const

export type TransportErrorCode = keyof typeof TRANSPORT_STATUS
export type PaymentErrorCode = keyof typeof PAYMENT_STATUS
export type NotifyErrorCode = keyof typeof NOTIFY_STATUS

export type ApiErrorCode = TransportErrorCode | PaymentErrorCode | NotifyErrorCode | DomainErrorCode

const STATUS: Record<Exclude<ApiErrorCode, DomainErrorCode>, number> = { ...TRANSPORT_STATUS, ...PAYMENT_STATUS, ...NOTIFY_STATUS }

/** Every code the function can answer with (domain codes included), for clients and tests. */
export const API_ERROR_CODES: readonly ApiErrorCode[] = [...new Set<ApiErrorCode>([...(Object.keys(STATUS) as ApiErrorCode[]), ...domainErrorCodes])]

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code)
}

/** HTTP status for a code; every domain (money rule) code is a 400. */
export function statusForCode(code: string): number {
  return Object.prototype.hasOwnProperty.call(STATUS, code) ? STATUS[code as keyof typeof STATUS] : 400
}
