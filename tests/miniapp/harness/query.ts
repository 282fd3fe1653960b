/**
 * Finding elements the way a user sees them: by the text they show, by placeholder, by class name.
 * Text matches are exact (whitespace collapsed) unless `exact: false`; a RegExp tests the text.
 * The deepest matching element wins, so "新建账本" finds the button, not the page around it.
 */
import { textContent, walk, type ViewNode } from './nodes'

export type TextMatch = string | RegExp

export interface QueryOptions {
  exact?: boolean
  /** Only elements with this tag (view, text, button, input, ...). */
  tag?: string
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim()

export function matches(text: string, match: TextMatch, exact = true): boolean {
  const t = normalize(text)
  if (match instanceof RegExp) return match.test(t)
  return exact ? t === normalize(match) : t.includes(normalize(match))
}

export function queryAllByText(root: ViewNode, match: TextMatch, options: QueryOptions = {}): ViewNode[] {
  const hits: ViewNode[] = []
  for (const node of walk(root)) {
    if (node.isText || node === root) continue
    if (options.tag && node.tag !== options.tag) continue
    if (matches(textContent(node), match, options.exact ?? true)) hits.push(node)
  }
  // keep the deepest: drop a hit whose descendant also matched
  return hits.filter((node) => !hits.some((other) => other !== node && isAncestor(node, other)))
}

export function queryAllByPlaceholder(root: ViewNode, match: TextMatch, options: QueryOptions = {}): ViewNode[] {
  return [...walk(root)].filter(
    (node) => typeof node.attrs.placeholder === 'string' && matches(node.attrs.placeholder, match, options.exact ?? true)
  )
}

export function queryAllByClass(root: ViewNode, className: string): ViewNode[] {
  return [...walk(root)].filter((node) => node.className.split(/\s+/).includes(className))
}

export function queryAllByTag(root: ViewNode, tag: string): ViewNode[] {
  return [...walk(root)].filter((node) => node.tag === tag)
}

export function isAncestor(ancestor: ViewNode, node: ViewNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n === ancestor) return true
  return false
}

export function describe(match: TextMatch): string {
  return match instanceof RegExp ? String(match) : JSON.stringify(match)
}
