/**
 * One open page: the instance the platform made from the bundle's Page() options, its data tree, and what a user
 * can do with it (read it, tap, type, pull down, scroll to the bottom, share).
 */
import type { Target } from './bundle'
import { deliveryPath, platformEvents } from './events'
import { buildTree, textContent, type NativeValues, type ViewNode } from './nodes'
import type { TextMatch } from './query'
import { renderText, renderTree } from './render'
import { CustomWrappers } from './wrappers'
import { Scope } from './scope'
import type { TemplateMap } from './templates'
import { applySetData, cloneData, parsePath, payloadBytes, type Data } from './tree'

/** WeChat warns when one setData carries more than 256 KB and fails it past 1 MB. */
export const SETDATA_WARN_BYTES = 256 * 1024
export const SETDATA_MAX_BYTES = 1024 * 1024

export interface SetDataRecord {
  route: string
  bytes: number
  keys: number
  /** 0 for the page's first setData, then 1, 2, ... */
  index: number
  applied: boolean
  /** Set when a component (Taro's custom-wrapper) received the setData instead of the page. */
  component?: 'custom-wrapper'
  /** performance.now() when the bundle called setData (before the harness measured and applied it). */
  at: number
}

export type PageInstance = Record<string, unknown> & {
  data: Data
  setData(payload: Data, cb?: () => void): void
}

export interface PageEnvironment {
  target: Target
  templates: TemplateMap
  /** Whether the page's json enables pull-down refresh (weapp enablePullDownRefresh, alipay pullRefresh). */
  pullDownEnabled: boolean
  onSetData(record: SetDataRecord): void
  schedule(fn: () => void): void
  toRealm<T>(value: T): T
  /** Runs a lifecycle or event call inside the harness's error bookkeeping. */
  call<T>(label: string, fn: () => T): T
  /** WeChat: the person tapped an agreePrivacyAuthorization button (its id): the agreement is recorded. */
  agreePrivacy?(buttonId: string | undefined): void
  /** The bundle's custom-wrapper Component() options, if it has that component. */
  customWrapper(): Record<string, unknown> | undefined
}

let viewIds = 1000

export class PageHandle extends Scope {
  readonly instance: PageInstance
  readonly setDataLog: SetDataRecord[] = []
  private readonly native: NativeValues = new Map()
  private readonly wrappers: CustomWrappers
  closed = false

  constructor(
    readonly route: string,
    readonly query: Record<string, string>,
    options: Record<string, unknown>,
    private readonly env: PageEnvironment
  ) {
    super(route, () => this.tree())
    const instance = env.toRealm({}) as PageInstance
    for (const [key, value] of Object.entries(options)) {
      if (key !== 'data') instance[key] = value
    }
    instance.data = env.toRealm(cloneData((options.data as Data) ?? {}))
    instance.route = route
    instance.__route__ = route
    instance.is = route
    instance.options = env.toRealm({ ...query })
    instance.setData = (payload: Data, cb?: () => void) => this.applySetData(payload, cb)
    instance.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} })
    instance.selectComponent = () => null
    instance.selectAllComponents = () => []
    if (env.target === 'alipay') {
      instance.$viewId = String(++viewIds)
      instance.$spliceData = (payload: Data, cb?: () => void) => this.applySpliceData(payload, cb)
    }
    this.instance = instance
    this.wrappers = new CustomWrappers(env.target, env.templates, env.customWrapper, env.toRealm, (bytes, keys, payload, at) => {
      const record: SetDataRecord = { route: this.route, bytes, keys, index: this.setDataLog.length, applied: true, component: 'custom-wrapper', at }
      this.setDataLog.push(record)
      this.syncNativeValues(payload, null)
      this.env.onSetData(record)
    }, env.call)
  }

  private applySetData(payload: Data, cb?: () => void): void {
    const at = performance.now()
    const bytes = payloadBytes(payload)
    const applied = bytes <= SETDATA_MAX_BYTES
    const record: SetDataRecord = { route: this.route, bytes, keys: Object.keys(payload).length, index: this.setDataLog.length, applied, at }
    this.setDataLog.push(record)
    if (applied) {
      applySetData(this.instance.data, payload) // past 1 MB the platform drops it ("Exceed max data size")
      this.syncNativeValues(payload, this.instance.data)
      this.wrappers.sync(this.instance.data.root as never)
    }
    this.env.onSetData(record)
    if (applied && cb) this.env.schedule(cb)
  }

  /** Alipay's `$spliceData({ 'path': [start, deleteCount, ...items] })`. */
  private applySpliceData(payload: Data, cb?: () => void): void {
    const at = performance.now()
    const bytes = payloadBytes(payload)
    const record: SetDataRecord = { route: this.route, bytes, keys: Object.keys(payload).length, index: this.setDataLog.length, applied: true, at }
    this.setDataLog.push(record)
    for (const [key, args] of Object.entries(payload)) {
      const [start, deleteCount, ...items] = args as [number, number, ...unknown[]]
      const list = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], this.instance.data) as unknown[]
      list.splice(start, deleteCount, ...cloneData(items))
    }
    this.env.onSetData(record)
    if (cb) this.env.schedule(cb)
  }

  /**
   * A form control shows what the user typed until the app sets its value: then the platform shows the app's value
   * (e.g. a field cleared after "add"). Drops typed text for every control whose value this payload sets.
   */
  private syncNativeValues(payload: Data, root: Data | null): void {
    if (this.native.size === 0) return
    const valueKeys = new Set<string>()
    for (const t of this.env.templates.values()) for (const [key, attr] of Object.entries(t.props)) if (attr === 'value') valueKeys.add(key)
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return
      if (Array.isArray(node)) return node.forEach(visit)
      const n = node as Record<string, unknown>
      if (typeof n.sid === 'string' && this.native.has(n.sid) && [...valueKeys].some((k) => k in n)) this.native.delete(n.sid)
      if (Array.isArray(n.cn)) n.cn.forEach(visit)
    }
    for (const [key, value] of Object.entries(payload)) {
      const segments = parsePath(key)
      const last = segments[segments.length - 1]
      if (typeof last === 'string' && valueKeys.has(last) && root) {
        const owner = segments.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], root)
        const sid = (owner as { sid?: unknown } | undefined)?.sid
        if (typeof sid === 'string') this.native.delete(sid)
      }
      visit(value)
    }
  }

  get data(): Data {
    return this.instance.data
  }

  /** The element tree the platform would draw from the page's data. */
  tree(): ViewNode {
    return buildTree(this.instance.data.root as { cn?: [] }, this.env.templates, this.native, (sid) => this.wrappers.dataOf(sid))
  }

  override render(): string {
    return renderTree(this.tree())
  }

  text(): string {
    return renderText(this.tree())
  }

  private resolve(target: TextMatch | ViewNode): ViewNode {
    if (typeof target === 'string' || target instanceof RegExp) return this.getByText(target)
    // the tree is rebuilt on every read: find the same node (by sid) in the current tree
    const fresh = [...walkSid(this.tree(), target.sid)][0]
    if (!fresh) throw new Error(`${this.route}: element ${target.tag}#${target.sid} is no longer on the page\n${this.render()}`)
    return fresh
  }

  /**
   * Fires a platform event the way the platform delivers it: at the element that was touched, then bubbling up
   * through every ancestor whose template binds the event to `eh` (a `catch` binding stops it).
   */
  fire(target: TextMatch | ViewNode, type: string, detail: Record<string, unknown> = {}): void {
    let node = this.resolve(target)
    if (node.isText && node.parent) node = node.parent
    const path = deliveryPath(node, type)
    if (path.length === 0) {
      throw new Error(`${this.route}: nothing on ${node.tag} "${textContent(node).slice(0, 40)}" handles ${type}\n${this.render()}`)
    }
    const eh = this.instance.eh as ((e: unknown) => void) | undefined
    if (typeof eh !== 'function') throw new Error(`${this.route}: the page has no event handler (eh)`)
    for (const event of platformEvents(type, node, path, detail)) {
      this.env.call(`${this.route} ${type} event`, () => eh.call(this.instance, this.env.toRealm(event)))
    }
  }

  tap(target: TextMatch | ViewNode): void {
    this.fire(target, 'tap', { x: 0, y: 0 })
  }

  /**
   * WeChat's avatar sheet: the person taps a `<button open-type="chooseAvatar">` and picks a photo; the button
   * gets `chooseavatar` with the photo's temp file path (write the file first: MiniApp.writeTempFile).
   */
  chooseAvatar(target: TextMatch | ViewNode, avatarUrl: string): void {
    this.fire(this.button(target, 'chooseAvatar'), 'chooseavatar', { avatarUrl })
  }

  /**
   * Alipay's authorization sheet for `<button open-type="getAuthorize" scope="userInfo">`: the person agrees and the
   * button gets `getAuthorize` (the app then calls my.getOpenUserInfo).
   */
  authorizeUserInfo(target: TextMatch | ViewNode): void {
    const button = this.button(target, 'getAuthorize')
    if (button.attrs.scope !== 'userInfo') throw new Error(`${this.route}: the authorize button asks for scope ${String(button.attrs.scope)}, not userInfo`)
    this.fire(button, 'getauthorize', {})
  }

  /**
   * WeChat's `<button open-type="agreePrivacyAuthorization">`: tapping it records the person's agreement to the
   * privacy guide with WeChat, then the button gets `agreeprivacyauthorization`.
   */
  agreePrivacy(target: TextMatch | ViewNode): void {
    const button = this.button(target, 'agreePrivacyAuthorization')
    this.env.agreePrivacy?.(button.attrs.id as string | undefined)
    this.fire(button, 'agreeprivacyauthorization', {})
  }

  /** The button around `target`, which must have this open-type (only such a button opens the platform's sheet). */
  private button(target: TextMatch | ViewNode, openType: string): ViewNode {
    let node: ViewNode | null = this.resolve(target)
    while (node && node.tag !== 'button') node = node.parent
    if (!node) throw new Error(`${this.route}: no button around the target\n${this.render()}`)
    if (node.attrs['open-type'] !== openType) throw new Error(`${this.route}: the button's open-type is ${String(node.attrs['open-type'])}, not ${openType}`)
    return node
  }

  /** Types `value` into an input or textarea: the platform keeps the text and reports it with input, then blur. */
  input(target: TextMatch | ViewNode, value: string): void {
    const node = typeof target === 'string' || target instanceof RegExp ? this.getByPlaceholder(target) : this.resolve(target)
    if (node.tag !== 'input' && node.tag !== 'textarea') throw new Error(`${this.route}: ${node.tag} is not an input\n${this.render()}`)
    this.native.set(node.sid, value)
    if (node.template?.events.focus) this.fire(node, 'focus', { value: '', height: 0 })
    this.fire(node, 'input', { value, cursor: value.length, keyCode: 0 })
    if (node.template?.events.blur) this.fire(node, 'blur', { value, cursor: value.length })
  }

  /** picker / switch / checkbox-group / radio-group: the value the user picked. */
  change(target: TextMatch | ViewNode, value: unknown): void {
    this.fire(target, 'change', { value })
  }

  lifecycle(name: string, ...args: unknown[]): unknown {
    const fn = this.instance[name]
    if (typeof fn !== 'function') return undefined
    return this.env.call(`${this.route} ${name}`, () => (fn as (...a: unknown[]) => unknown).apply(this.instance, this.env.toRealm(args)))
  }

  pullDownRefresh(): void {
    if (!this.env.pullDownEnabled) throw new Error(`${this.route}: pull-down refresh is not enabled in the page config`)
    this.lifecycle('onPullDownRefresh')
  }

  reachBottom(): void {
    this.lifecycle('onReachBottom')
  }

  /** The user scrolled the page to `scrollTop` (px). */
  scroll(scrollTop: number): void {
    this.lifecycle('onPageScroll', { scrollTop })
  }

  /** What the platform puts on the share card when the user shares this page from the menu (or a share button). */
  share(from: 'menu' | 'button' = 'menu'): { title?: string; path?: string; imageUrl?: string } {
    if (typeof this.instance.onShareAppMessage !== 'function') throw new Error(`${this.route}: the page cannot be shared`)
    const result = this.lifecycle('onShareAppMessage', { from, webViewUrl: '' }) as Record<string, unknown> | undefined
    return { ...(result ?? {}) } as { title?: string; path?: string; imageUrl?: string }
  }
}

function* walkSid(node: ViewNode, sid: string): Generator<ViewNode> {
  if (node.sid === sid) yield node
  for (const child of node.children) yield* walkSid(child, sid)
}
