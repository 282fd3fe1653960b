/**
 * The JavaScript environment a mini-program's logic layer runs in: a fresh vm context with the platform global
 * (`wx` or `my`), the registration functions (App, Page, Component, Behavior), getApp, getCurrentPages, console and
 * timers. No `window`, `document` or `process`: Taro brings its own DOM. Alipay's engine also exposes `navigator`.
 */
import vm from 'node:vm'
import type { Target } from './bundle'

export interface Registrations {
  App(options: Record<string, unknown>): void
  Page(options: Record<string, unknown>): void
  Component(options: Record<string, unknown>): void
  getApp(): unknown
  getCurrentPages(): unknown[]
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  args: unknown[]
}

/** Timers the bundle set, so the harness can wait for short ones and clear all of them when the app closes. */
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, number>()
  private readonly intervals = new Set<NodeJS.Timeout>()
  /** Timers at or under this delay count as "the app is still working" for settle(). */
  static readonly shortMs = 1000

  setTimeout = (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]): NodeJS.Timeout => {
    const handle = setTimeout(() => {
      this.pending.delete(handle)
      fn(...args)
    }, ms)
    this.pending.set(handle, ms)
    return handle
  }

  clearTimeout = (handle: NodeJS.Timeout): void => {
    this.pending.delete(handle)
    clearTimeout(handle)
  }

  setInterval = (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]): NodeJS.Timeout => {
    const handle = setInterval(fn, ms, ...args)
    this.intervals.add(handle)
    return handle
  }

  clearInterval = (handle: NodeJS.Timeout): void => {
    this.intervals.delete(handle)
    clearInterval(handle)
  }

  get busy(): boolean {
    for (const ms of this.pending.values()) if (ms <= Timers.shortMs) return true
    return false
  }

  clearAll(): void {
    for (const h of this.pending.keys()) clearTimeout(h)
    for (const h of this.intervals) clearInterval(h)
    this.pending.clear()
    this.intervals.clear()
  }
}

export interface Realm {
  context: vm.Context
  timers: Timers
  logs: LogEntry[]
  /** Copies plain data (objects, arrays) into the bundle's realm so it sees its own Object and Array. */
  toRealm<T>(value: T): T
}

export function createRealm(
  target: Target,
  platformApi: (realm: { toRealm: <T>(value: T) => T; Promise: PromiseConstructor }) => Record<string, unknown>,
  registrations: Registrations,
  options: { echoLogs?: boolean } = {}
): Realm {
  const timers = new Timers()
  const logs: LogEntry[] = []
  const log =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      logs.push({ level, args })
      if (options.echoLogs || process.env.MINIAPP_ECHO_LOGS === '1') console[level](`[${target}]`, ...args)
    }
  const sandbox: Record<string, unknown> = {
    console: { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') },
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    ...registrations,
    Behavior: (options: unknown) => options
  }
  const context = vm.createContext(sandbox, { name: `${target} logic layer` })
  const RealmObject = vm.runInContext('Object', context) as ObjectConstructor
  const RealmArray = vm.runInContext('Array', context) as ArrayConstructor

  const toRealm = <T>(value: T): T => {
    const copy = (v: unknown): unknown => {
      if (Array.isArray(v)) return RealmArray.from(v.map(copy))
      if (v && typeof v === 'object') {
        const proto = Object.getPrototypeOf(v)
        if (proto !== Object.prototype && proto !== null) return v
        const out = new RealmObject() as Record<string, unknown>
        for (const [k, val] of Object.entries(v)) out[k] = copy(val)
        return out
      }
      return v
    }
    return copy(value) as T
  }

  const api = platformApi({ toRealm, Promise: vm.runInContext('Promise', context) as PromiseConstructor })
  if (target === 'weapp') sandbox.wx = api
  else {
    sandbox.my = api
    sandbox.navigator = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AlipayClient/10.6.0', swuserAgent: '' }
  }
  return { context, timers, logs, toRealm }
}
