/**
 * Queries over part of a page (or all of it): `page.within(row).getByPlaceholder('1')` finds the input in that row.
 * A scope re-reads the page on every query, so it always sees the latest data.
 */
import { walk, type ViewNode } from './nodes'
import {
  describe,
  queryAllByClass,
  queryAllByPlaceholder,
  queryAllByTag,
  queryAllByText,
  type QueryOptions,
  type TextMatch
} from './query'
import { renderTree } from './render'

export class Scope {
  constructor(
    private readonly label: string,
    /** Returns the scope's root element in the current tree (or null once it is gone). */
    private readonly root: () => ViewNode | null
  ) {}

  protected node(): ViewNode {
    const node = this.root()
    if (!node) throw new Error(`${this.label}: the element is no longer on the page`)
    return node
  }

  render(): string {
    return renderTree({ ...this.node(), children: [this.node()] } as ViewNode)
  }

  queryAllByText(match: TextMatch, options?: QueryOptions): ViewNode[] {
    return queryAllByText(this.node(), match, options)
  }

  queryByText(match: TextMatch, options?: QueryOptions): ViewNode | null {
    return this.queryAllByText(match, options)[0] ?? null
  }

  getByText(match: TextMatch, options: QueryOptions & { index?: number } = {}): ViewNode {
    return this.only(this.queryAllByText(match, options), `text ${describe(match)}`, options.index)
  }

  getAllByText(match: TextMatch, options?: QueryOptions): ViewNode[] {
    const all = this.queryAllByText(match, options)
    if (all.length === 0) throw new Error(`${this.label}: no element with text ${describe(match)}\n${this.render()}`)
    return all
  }

  getByPlaceholder(match: TextMatch, options: QueryOptions & { index?: number } = {}): ViewNode {
    return this.only(queryAllByPlaceholder(this.node(), match, options), `placeholder ${describe(match)}`, options.index)
  }

  getAllByClass(className: string): ViewNode[] {
    return queryAllByClass(this.node(), className)
  }

  getByClass(className: string, index?: number): ViewNode {
    return this.only(this.getAllByClass(className), `class ${JSON.stringify(className)}`, index)
  }

  getAllByTag(tag: string): ViewNode[] {
    return queryAllByTag(this.node(), tag)
  }

  /** The nearest element around `node` (itself included) that has `className`. */
  closest(node: ViewNode, className: string): ViewNode {
    for (let n: ViewNode | null = node; n; n = n.parent) if (n.className.split(/\s+/).includes(className)) return n
    throw new Error(`${this.label}: no element with class ${className} around ${node.tag}\n${this.render()}`)
  }

  /** A scope limited to `node` and what is inside it. */
  within(node: ViewNode): Scope {
    const sid = node.sid
    return new Scope(`${this.label} > ${node.tag}${node.className ? `.${node.className.split(/\s+/)[0]}` : ''}`, () => {
      const base = this.root()
      if (!base) return null
      for (const n of walk(base)) if (n.sid === sid) return n
      return null
    })
  }

  protected only(nodes: ViewNode[], what: string, index?: number): ViewNode {
    if (index !== undefined) {
      if (!nodes[index]) throw new Error(`${this.label}: no element #${index} with ${what}\n${this.render()}`)
      return nodes[index]
    }
    if (nodes.length === 0) throw new Error(`${this.label}: no element with ${what}\n${this.render()}`)
    if (nodes.length > 1) throw new Error(`${this.label}: ${nodes.length} elements with ${what}; pass { index }\n${this.render()}`)
    return nodes[0]
  }
}
