/** An error from the function (or from reaching it) with a stable code the UI translates. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'ApiError'
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

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}
