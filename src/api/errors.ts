/** Stable error codes the function answers with, and the HTTP status each maps to. */
import type { DomainErrorCode } from '../domain'

export type TransportErrorCode =
  | 'BAD_REQUEST' // the body is not JSON or not { action, input }
  | 'INVALID_INPUT' // the input does not match the action's schema
  | 'PAYLOAD_TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'UNKNOWN_ACTION'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED' // no, forged or expired session token
  | 'NOT_MEMBER' // the caller is not a member of the group (or the group does not exist)
  | 'FORBIDDEN' // a member, but not allowed to do this
  | 'VERSION_CONFLICT' // expectedVersion is stale: reload and retry
  | 'CLIENT_ID_REUSED' // the clientId was already used for a different action
  | 'INVITE_INVALID' // no such invite token
  | 'INVITE_REVOKED'
  | 'MEMBER_CLAIMED' // the placeholder member already belongs to someone
  | 'MEMBER_IN_USE' // cannot give up a member that has expenses or payments
  | 'ALREADY_MEMBER'
  | 'EXPENSE_DELETED'
  | 'PAYMENT_STATE' // e.g. confirming an already confirmed payment
  | 'DEV_SIGNIN_DISABLED' // the dev sign-in exists only in dev mode
  | 'PROVIDER_NOT_CONFIGURED' // WeChat / Alipay credentials missing
  | 'PROVIDER_ERROR' // WeChat / Alipay refused the code
  | 'INTERNAL'

export type ApiErrorCode = TransportErrorCode | DomainErrorCode

const STATUS: Record<TransportErrorCode, number> = {
  BAD_REQUEST: 400,
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  UNKNOWN_ACTION: 404,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  NOT_MEMBER: 403,
  FORBIDDEN: 403,
  VERSION_CONFLICT: 409,
  CLIENT_ID_REUSED: 409,
  INVITE_INVALID: 404,
  INVITE_REVOKED: 409,
  MEMBER_CLAIMED: 409,
  MEMBER_IN_USE: 409,
  ALREADY_MEMBER: 409,
  EXPENSE_DELETED: 409,
  PAYMENT_STATE: 409,
  DEV_SIGNIN_DISABLED: 403,
  PROVIDER_NOT_CONFIGURED: 400,
  PROVIDER_ERROR: 401,
  INTERNAL: 500
}

/** HTTP status for a code; every domain (money rule) code is a 400. */
export function statusForCode(code: string): number {
  return (STATUS as Record<string, number>)[code] ?? 400
}

/** Codes a client may retry after reloading (the request itself was fine). */
export const RETRYABLE_CODES: readonly ApiErrorCode[] = ['VERSION_CONFLICT', 'INTERNAL']
