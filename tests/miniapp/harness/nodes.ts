/**
 * The element tree read back from a page's data tree, using the base template to name tags and attributes:
 * this is what the platform would draw from the data Taro sent.
 */
import type { NodeTemplate, TemplateMap } from './templates'

export interface ViewNode {
  sid: string
  tag: string
  template: NodeTemplate | undefined
  /** Attributes by their platform name (placeholder, value, disabled, ...), plus class and style. */
  attrs: Record<string, unknown>
  className: string
  /** Text of a text node; '' for elements. */
  value: string
  isText: boolean
  children: ViewNode[]
  parent: ViewNode | null
}

interface RawNode {
  sid?: string
  nn?: string
  v?: string
  cl?: string
  st?: string
  uid?: string
  cn?: RawNode[]
  [key: string]: unknown
}

/** Native state of form controls the user typed into (the platform keeps it; Taro does not echo it back). */
export type NativeValues = Map<string, string>

/**
 * `wrapperData(sid)` gives a custom-wrapper's own copy of its node: what is inside a wrapper is drawn from the
 * wrapper component's data, which Taro updates separately from the page's.
 */
export function buildTree(
  root: { cn?: RawNode[] } | undefined,
  templates: TemplateMap,
  native: NativeValues,
  wrapperData: (sid: string) => { cn?: unknown[] } | undefined = () => undefined
): ViewNode {
  const page: ViewNode = {
    sid: 'page',
    tag: 'page',
    template: undefined,
    attrs: {},
    className: '',
    value: '',
    isText: false,
    children: [],
    parent: null
  }
  const visit = (raw: RawNode, parent: ViewNode): void => {
    if (!raw || typeof raw !== 'object') return
    let template = raw.nn !== undefined ? templates.get(String(raw.nn)) : undefined
    // inputs dispatch once more: tmpl_0_<nn> -> tmpl_0_<nn>_focus when the node has `focus`, else _blur
    if (template?.tag === 'template') template = templates.get(`${raw.nn}_${raw.focus !== undefined ? 'focus' : 'blur'}`) ?? template
    const isText = template ? template.isText : raw.nn === '#text'
    const attrs: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(raw)) {
      if (/^p\d+$/.test(key) && template?.props[key]) attrs[template.props[key]] = value
    }
    if (raw.uid) attrs.id = raw.uid
    const sid = String(raw.sid ?? '')
    if (native.has(sid)) attrs.value = native.get(sid)
    const node: ViewNode = {
      sid,
      tag: isText ? '#text' : (template?.tag ?? `unknown:${String(raw.nn)}`),
      template,
      attrs,
      className: raw.cl ?? '',
      value: isText ? String(raw.v ?? '') : '',
      isText,
      children: [],
      parent
    }
    parent.children.push(node)
    const children = (template?.tag === 'custom-wrapper' ? (wrapperData(sid)?.cn as RawNode[] | undefined) : undefined) ?? raw.cn ?? []
    for (const child of children) visit(child, node)
  }
  for (const child of root?.cn ?? []) visit(child, page)
  return page
}

export function textContent(node: ViewNode): string {
  if (node.isText) return node.value
  return node.children.map(textContent).join('')
}

export function* walk(node: ViewNode): Generator<ViewNode> {
  yield node
  for (const child of node.children) yield* walk(child)
}

export function ancestors(node: ViewNode): ViewNode[] {
  const out: ViewNode[] = []
  for (let n: ViewNode | null = node; n; n = n.parent) out.push(n)
  return out
}
