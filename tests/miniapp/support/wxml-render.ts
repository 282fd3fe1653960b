/**
 * Renders a page's setData tree through the weapp build's own templates, compiled by WeChat's `wcc`, the way
 * WeChat's miniprogram-simulate / j-component do: `$gwx('<page>.wxml')(data, {}, {})` gives the virtual tree the
 * webview would show. The harness's own reading of the templates (harness/templates.ts) is independent of this,
 * so a mismatch between Taro's templates and the data a page sends shows up as a difference between the two.
 *
 * The generated code runs in its own realm (a vm context): it needs only `window` and `console`, and its WXS
 * runtime adds nv_* properties to the built-in prototypes, which must not leak into the test's realm. Data is
 * handed over as JSON parsed inside that realm (WXS copies objects only when `o.constructor === Object` there).
 * A template that is missing at render time is not an exception in wcc's runtime but a console.warn
 * ("WXMLRT_$gwx:...: Template `tmpl_0_42` not found."): those are collected as `warnings`.
 */
import vm from 'node:vm'
import { compileWxml } from './wechat-compilers'

/** One element of the rendered tree (strings and numbers are text). */
export interface WxNode {
  tag: string
  /** absent on the page's root */
  attr?: Record<string, unknown>
  children: Array<WxNode | string | number>
}

export interface WxmlRenderer {
  /** Renders `file` (e.g. 'pages/index/index.wxml') with `data`; `warnings` are what this render logged. */
  render(file: string, data: unknown): { tree: WxNode; warnings: string[] }
}

export function wxmlRenderer(build: string): WxmlRenderer {
  const code = compileWxml(build)
  const logged: string[] = []
  const sandbox: Record<string, unknown> = {
    console: {
      log: (...a: unknown[]) => logged.push(a.map(String).join(' ')),
      warn: (...a: unknown[]) => logged.push(a.map(String).join(' ')),
      error: (...a: unknown[]) => logged.push(a.map(String).join(' '))
    }
  }
  sandbox.window = sandbox
  const context = vm.createContext(sandbox)
  vm.runInContext(code, context, { filename: 'wcc-weapp.js' })
  const gwx = context.$gwx as (file: string) => ((data: unknown, dd: object, global: object) => WxNode) | undefined
  const inRealm = vm.runInContext('(s) => JSON.parse(s)', context) as (json: string) => unknown
  const generators = new Map<string, (data: unknown, dd: object, global: object) => WxNode>()

  const generator = (file: string) => {
    let fn = generators.get(file)
    if (!fn) {
      fn = gwx(file)
      if (typeof fn !== 'function') throw new Error(`wcc compiled no template ${file}`)
      generators.set(file, fn)
    }
    return fn
  }

  function render(file: string, data: unknown): { tree: WxNode; warnings: string[] } {
    const from = logged.length
    const tree = generator(file)(inRealm(JSON.stringify(data ?? {})), {}, {})
    // Taro's `comp` (nodes nested deeper than its template levels) is a custom component: wcc leaves it as
    // <wx-comp i l>; its own template renders it with those properties.
    const expand = (node: WxNode | string | number): WxNode | string | number => {
      if (typeof node !== 'object' || node === null) return node
      if (node.tag === 'wx-comp') node.children = render('comp.wxml', { i: node.attr?.i, l: node.attr?.l }).tree.children
      else node.children = (node.children ?? []).map(expand)
      return node
    }
    expand(tree)
    return { tree, warnings: logged.slice(from) }
  }
  return { render }
}

/** The text a person reads, one line per element that holds only text (as the harness's page.text() reads it). */
export function wxText(node: WxNode | string | number, lines: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) {
    if (String(node).trim()) lines.push(String(node).trim())
    return lines
  }
  const kids = node.children ?? []
  if (kids.length && kids.every((c) => typeof c !== 'object')) {
    const text = kids.join('').trim()
    if (text) lines.push(text)
    return lines
  }
  if (node.tag === 'wx-input' || node.tag === 'wx-textarea') {
    const shown = node.attr?.value || node.attr?.placeholder
    if (shown) lines.push(String(shown))
  }
  for (const child of kids) wxText(child, lines)
  return lines
}

/** Every element of the tree, depth first. */
export function wxElements(node: WxNode | string | number, out: WxNode[] = []): WxNode[] {
  if (typeof node !== 'object' || node === null) return out
  out.push(node)
  for (const child of node.children ?? []) wxElements(child, out)
  return out
}
