/**
 * What the base template (base.wxml / base.axml) says about each node alias `nn` that Taro puts in the data tree:
 * the platform tag it renders, which short property (`p0`, `p1`, ...) is which attribute, and which events reach the
 * page's `eh` handler (bind* / catch* on weapp, on* / catch* on alipay).
 */
export interface NodeTemplate {
  alias: string
  tag: string
  /** short key in the data tree -> attribute name, e.g. p3 -> placeholder */
  props: Record<string, string>
  /** event name (lower case, e.g. tap, input, change) -> 'bind' | 'catch' */
  events: Record<string, 'bind' | 'catch'>
  /** `<block>{{i.v}}</block>`: a text node */
  isText: boolean
}

export type TemplateMap = Map<string, NodeTemplate>

const templateRe = /<template name="tmpl_0_([^"]+)">\s*<([\w-]+)([^>]*)>([\s\S]*?)<\/template>/g
const attrRe = /([\w:-]+)="([^"]*)"/g

export function parseTemplates(source: string): TemplateMap {
  const map: TemplateMap = new Map()
  for (const match of source.matchAll(templateRe)) {
    const [, alias, tag, attrs, body] = match
    const props: Record<string, string> = {}
    const events: Record<string, 'bind' | 'catch'> = {}
    for (const [, name, value] of attrs.matchAll(attrRe)) {
      if (value === 'eh') {
        const ev = /^(bind|catch|on|capture-bind)[:]?(.+)$/.exec(name)
        if (ev) events[ev[2].toLowerCase()] = ev[1] === 'catch' ? 'catch' : 'bind'
        continue
      }
      const key = /i\.(p\d+)/.exec(value)
      if (key) props[key[1]] = name
    }
    map.set(alias, { alias, tag, props, events, isText: tag === 'block' && /\{\{i\.v\}\}/.test(body) })
  }
  return map
}
