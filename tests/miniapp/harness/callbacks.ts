/**
 * The callback convention of mini-program async APIs: `api({ ...options, success, fail, complete })`.
 * WeChat reports `errMsg: "<api>:ok"` / `"<api>:fail <reason>"`; Alipay reports results without errMsg and failures as
 * `{ error, errorMessage }`. Results are copied into the bundle's realm (its own Object and Array), as a platform's are.
 */
import type { Target } from './bundle'

export interface Callbacks {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

export class PlatformError extends Error {
  constructor(
    message: string,
    /** Extra fields the platform puts on the failure object (alipay: error code, status, data...). */
    readonly fields: Record<string, unknown> = {}
  ) {
    super(message)
  }
}

export function settleCallbacks(
  target: Target,
  api: string,
  options: Callbacks | undefined,
  work: Promise<Record<string, unknown> | void>,
  toRealm: <T>(value: T) => T
): Promise<{ ok: boolean; result: unknown }> {
  return work.then(
    (res) => {
      const result = toRealm(target === 'weapp' ? { errMsg: `${api}:ok`, ...(res ?? {}) } : { ...(res ?? {}) })
      options?.success?.(result)
      options?.complete?.(result)
      return { ok: true, result }
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      const fields = error instanceof PlatformError ? error.fields : {}
      const result = toRealm(
        target === 'weapp' ? { errMsg: `${api}:fail ${message}`, ...fields } : { error: 3, errorMessage: message, ...fields }
      )
      options?.fail?.(result)
      options?.complete?.(result)
      return { ok: false, result }
    }
  )
}

/** Whether the caller passed any callback (WeChat then runs callback-style and returns nothing). */
export function hasCallbacks(options: Callbacks | undefined): boolean {
  return Boolean(options && (typeof options.success === 'function' || typeof options.fail === 'function' || typeof options.complete === 'function'))
}
