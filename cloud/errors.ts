/** The one error type actions throw for anything a client caused; the handler maps it to a status. */
import { statusForCode, type ApiErrorCode } from '../src/api/errors'

export class ApiError extends Error {
  readonly status: number
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = statusForCode(code)
  }
}

export const notMember = () => new ApiError('NOT_MEMBER', 'You are not a member of this group')
export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found`)
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message)

/**
 * A feature this server was not set up for. The client learns only that it is unavailable; what is missing in the
 * configuration (variable names, key problems) goes to the server's log, never into a reply.
 */
export function notConfigured(code: 'PROVIDER_NOT_CONFIGURED' | 'PAYMENTS_DISABLED' | 'PAYMENT_WALLET', message: string, internal: string): ApiError {
  console.warn(`[splitpay] ${code}: ${internal}`)
  return new ApiError(code, message)
}
