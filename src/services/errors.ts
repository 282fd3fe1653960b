/**
 * The app's side of an error: a call to the function that failed, with the function's stable code (which the UI
 * translates), or NETWORK when the function was not reached. (The function's side is cloud/errors.ts ApiError.)
 */
export class CallError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** The function's id of the request (in its log line), when it answered. */
    readonly requestId?: string
  ) {
    super(message)
    this.name = 'CallError'
  }

  /** The function was not reached or failed on its side: worth retrying later. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429
  }

  get conflict(): boolean {
    return this.status === 409 && this.code === 'VERSION_CONFLICT'
  }

  get unauthenticated(): boolean {
    return this.status === 401
  }
}

export function isCallError(e: unknown): e is CallError {
  return e instanceof CallError
}
