/**
 * Taro's CustomWrapper on the platform: a `custom-wrapper` node in a page's data is drawn by the custom-wrapper
 * component, which the platform instantiates with the node as its `i` property. Taro then sends updates for
 * everything inside the wrapper to that component's own setData (`i.cn.[0].v`), not the page's. This keeps one
 * instance per wrapper node: created (attached / didMount) when the node appears, given a new `i` when the page's
 * copy of the node changes, removed (detached / didUnmount) when it goes.
 */
import type { Target } from './bundle'
import type { TemplateMap } from './templates'
import { applySetData, cloneData, payloadBytes, type Data } from './tree'

export interface WrapperInstance {
  sid: string
  data: Data
  /** JSON of the `i` property last given, to see when the page changes it. */
  given: string
}

interface RawNode {
  sid?: string
  nn?: string
  cn?: RawNode[]
}

export class CustomWrappers {
  private readonly instances = new Map<string, WrapperInstance & { component: Record<string, unknown> }>()

  constructor(
    private readonly target: Target,
    private readonly templates: TemplateMap,
    /** The registered custom-wrapper Component() options, if the bundle has one. */
    private readonly options: () => Record<string, unknown> | undefined,
    private readonly toRealm: <T>(value: T) => T,
    /** Every setData a wrapper receives (for the budget), with its size. */
    private readonly onSetData: (bytes: number, keys: number, payload: Data, at: number) => void,
    private readonly call: <T>(label: string, fn: () => T) => T
  ) {}

  private isWrapper(node: RawNode): boolean {
    return node.nn !== undefined && this.templates.get(String(node.nn))?.tag === 'custom-wrapper'
  }

  /** The wrapper's own copy of its node (what the platform draws), or undefined if `sid` is no wrapper. */
  dataOf(sid: string): RawNode | undefined {
    return this.instances.get(sid)?.data.i as RawNode | undefined
  }

  /** After every page setData: create, update and remove wrapper instances to match the page's data. */
  sync(root: RawNode | undefined): void {
    const options = this.options()
    if (!options) return
    const seen = new Set<string>()
    const visit = (node: RawNode, insideWrapper: RawNode | undefined): void => {
      if (!node || typeof node !== 'object') return
      if (this.isWrapper(node) && typeof node.sid === 'string') {
        seen.add(node.sid)
        this.upsert(node, options)
        // nodes inside are drawn from the wrapper's data: nested wrappers are found there
        const own = this.dataOf(node.sid)
        for (const child of own?.cn ?? []) visit(child, own)
        return
      }
      for (const child of node.cn ?? []) visit(child, insideWrapper)
    }
    visit(root as RawNode, undefined)
    for (const [sid, instance] of this.instances) {
      if (seen.has(sid)) continue
      this.lifecycle(instance.component, this.target === 'weapp' ? 'detached' : 'didUnmount', instance)
      this.instances.delete(sid)
    }
  }

  private upsert(node: RawNode, options: Record<string, unknown>): void {
    const sid = node.sid as string
    const given = JSON.stringify(node)
    const existing = this.instances.get(sid)
    if (existing) {
      if (existing.given !== given) {
        existing.given = given
        existing.data.i = this.toRealm(cloneData(node))
      }
      return
    }
    const component = this.toRealm({}) as Record<string, unknown>
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') component[key] = value
    const methods = (options.methods ?? {}) as Record<string, unknown>
    for (const [key, value] of Object.entries(methods)) component[key] = value
    const data = this.toRealm({ i: cloneData(node), l: '' }) as Data
    const instance = { sid, data, given, component }
    component.data = data
    component.props = data // alipay components read properties from this.props
    component.id = sid
    component.is = 'custom-wrapper'
    component.setData = (payload: Data, cb?: () => void) => {
      const at = performance.now()
      this.onSetData(payloadBytes(payload), Object.keys(payload).length, payload, at)
      applySetData(data, payload)
      if (cb) setTimeout(cb, 0)
    }
    this.instances.set(sid, instance)
    this.lifecycle(options, this.target === 'weapp' ? 'attached' : 'didMount', instance)
  }

  private lifecycle(options: Record<string, unknown>, name: string, instance: WrapperInstance & { component: Record<string, unknown> }): void {
    const lifetimes = (options.lifetimes ?? {}) as Record<string, unknown>
    const fn = (lifetimes[name] ?? options[name]) as ((this: unknown) => void) | undefined
    if (typeof fn === 'function') this.call(`custom-wrapper ${name}`, () => fn.call(instance.component))
  }
}
