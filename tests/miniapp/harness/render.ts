/**
 * Renders an element tree as indented, readable text: one element a line, its class names after a dot,
 * the attributes a reader cares about, and the text it shows.
 *
 *   view.groups
 *     text.groups__title "我的账本"
 *     button.empty__cta "新建账本"
 *     input.amount placeholder="0.00" value="12.50"
 */
import { textContent, type ViewNode } from './nodes'

const shown = ['placeholder', 'value', 'type', 'disabled', 'checked', 'open-type', 'src', 'hidden', 'range', 'mode', 'id', 'aria-label', 'aria-role']

function attr(name: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '' || value === false) return null
  if (value === true) return name
  let text = typeof value === 'string' ? value : JSON.stringify(value)
  if (text.length > 60) text = `${text.slice(0, 57)}...`
  return `${name}=${JSON.stringify(text)}`
}

function onlyText(node: ViewNode): boolean {
  return node.children.length > 0 && node.children.every((c) => c.isText)
}

export function renderTree(root: ViewNode): string {
  const lines: string[] = []
  const visit = (node: ViewNode, depth: number): void => {
    const pad = '  '.repeat(depth)
    if (node.isText) {
      if (node.value.trim() !== '') lines.push(`${pad}${JSON.stringify(node.value)}`)
      return
    }
    const classes = node.className.trim() ? `.${node.className.trim().split(/\s+/).join('.')}` : ''
    const attrs = shown.map((name) => attr(name, node.attrs[name])).filter(Boolean)
    const head = [`${node.tag}${classes}`, ...attrs]
    if (onlyText(node)) {
      const text = textContent(node)
      lines.push(`${pad}${head.join(' ')}${text.trim() ? ` ${JSON.stringify(text)}` : ''}`)
      return
    }
    lines.push(`${pad}${head.join(' ')}`)
    for (const child of node.children) visit(child, depth + 1)
  }
  for (const child of root.children) visit(child, 0)
  return lines.join('\n')
}

/** The visible text only, one line per element that shows text: handy for `toContain` assertions. */
export function renderText(root: ViewNode): string {
  const lines: string[] = []
  const visit = (node: ViewNode): void => {
    if (!node.isText && onlyText(node)) {
      const text = textContent(node).trim()
      if (text) lines.push(text)
      return
    }
    if (node.isText) {
      if (node.value.trim()) lines.push(node.value.trim())
      return
    }
    if (node.tag === 'input' || node.tag === 'textarea') {
      const v = node.attrs.value ?? node.attrs.placeholder
      if (v !== undefined && v !== '') lines.push(String(v))
    }
    node.children.forEach(visit)
  }
  visit(root)
  return lines.join('\n')
}
