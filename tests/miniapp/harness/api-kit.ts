/**
 * Building blocks for a platform global: each API is an own, enumerable property (Taro copies the API list from
 * `Object.keys(wx)` / `Object.keys(my)` at start) and each call is recorded before it runs.
 */
import type { Target } from './bundle'
import { hasCallbacks, settleCallbacks, type Callbacks } from './callbacks'
import type { HttpResponse, PlatformHost } from './host'

export type Api = (...args: any[]) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any
export type Options = Record<string, any> & Callbacks // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ApiKit {
  /** A synchronous API: records, then returns what `impl` returns (copied into the bundle's realm). */
  sync(name: string, impl: (...args: any[]) => unknown): void // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A callback API: records, runs `impl`, then calls success/fail/complete like the platform does. */
  async(name: string, impl: (options: Options) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void): void
  /** A callback API that also returns a task object (request, downloadFile). */
  task(name: string, impl: (options: Options) => { work: Promise<Record<string, unknown> | void>; task: object }): void
  /** APIs that only change what the platform shows (titles, share menus, vibration): record and succeed. */
  inert(...names: string[]): void
  /** Listener registrations (`onXxx` / `offXxx`): recorded, kept, never fired unless the harness fires them. */
  listeners(...names: string[]): void
  api: Record<string, Api>
  toRealm<T>(value: T): T
  listenersOf(name: string): ((...args: unknown[]) => void)[]
}

export interface RealmTools {
  toRealm<T>(value: T): T
  /** The bundle realm's Promise constructor. */
  Promise: PromiseConstructor
}

/**
 * WeChat (base library 2.10.2+): an async API called without success/fail/complete returns a Promise that
 * resolves with the result or rejects with the failure. Alipay runs callback-style only (Taro promisifies).
 */
export function createApiKit(target: Target, host: PlatformHost, realm: RealmTools): ApiKit {
  const { toRealm } = realm
  const api: Record<string, Api> = {}
  const registered = host.listeners
  const record = (name: string, args: unknown[]) => host.recorder.record(name, args, host.currentRoute())

  const kit: ApiKit = {
    api,
    toRealm,
    sync(name, impl) {
      api[name] = (...args: unknown[]) => {
        record(name, args)
        return toRealm(impl(...args))
      }
    },
    async(name, impl) {
      api[name] = (options: Options = {}) => {
        record(name, [options])
        const work = host.track(Promise.resolve().then(() => impl(options ?? {})))
        const settled = settleCallbacks(target, name, options, work, toRealm)
        if (target === 'weapp' && !hasCallbacks(options)) {
          return new realm.Promise((resolve, reject) => void settled.then(({ ok, result }) => (ok ? resolve(result) : reject(result))))
        }
        return undefined
      }
    },
    task(name, impl) {
      api[name] = (options: Options = {}) => {
        record(name, [options])
        const { work, task } = impl(options ?? {})
        void settleCallbacks(target, name, options, host.track(work), toRealm)
        return task
      }
    },
    inert(...names) {
      for (const name of names) kit.async(name, () => undefined)
    },
    listeners(...names) {
      for (const name of names) {
        api[name] = (fn: (...args: unknown[]) => void) => {
          record(name, [])
          const key = name.replace(/^off/, 'on')
          const list = registered.get(key) ?? []
          if (name.startsWith('off')) registered.set(key, fn ? list.filter((f) => f !== fn) : [])
          else registered.set(key, [...list, fn])
        }
      }
    },
    listenersOf(name) {
      return registered.get(name) ?? []
    }
  }
  return kit
}

/** Encodes mini-program request data the way both platforms do: JSON for a JSON content type, else a form/query string. */
export function encodeRequest(
  url: string,
  method: string,
  data: unknown,
  headers: Record<string, string>
): { url: string; body: string | undefined } {
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
  const form = (obj: Record<string, unknown>) =>
    Object.entries(obj)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
      .join('&')
  if (data === undefined || data === null) return { url, body: undefined }
  if (method === 'GET' || method === 'HEAD') {
    if (typeof data === 'object') {
      const qs = form(data as Record<string, unknown>)
      return { url: qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url, body: undefined }
    }
    return { url, body: undefined }
  }
  if (typeof data === 'string') return { url, body: data }
  if (contentType.includes('json')) return { url, body: JSON.stringify(data) }
  return { url, body: form(data as Record<string, unknown>) }
}

export function parseBody(response: HttpResponse, dataType: string | undefined): unknown {
  if (dataType && dataType !== 'json') return response.text
  try {
    return JSON.parse(response.text)
  } catch {
    return response.text
  }
}
