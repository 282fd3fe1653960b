/**
 * The weapp pages as WeChat's own template engine shows them: the home page and a group page's setData trees,
 * rendered through the build's templates compiled by `wcc` (support/wxml-render.ts), read the same as the
 * harness reads them, with no template missing. A data node no template knows, and a template that reads a field
 * the data does not have, in a copy of the build, prove that the comparison fails when the two disagree.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readBundle, type PageHandle } from './harness'
import { phone } from './support/phone'
import { seedGroup } from './support/seed'
import { functionPerSuite } from './support/suite'
import { wxElements, wxmlRenderer, wxText, type WxmlRenderer } from './support/wxml-render'

jest.setTimeout(90_000)

const build = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
const suite = functionPerSuite()
let renderer: WxmlRenderer
const shown: Record<string, { data: unknown; text: string }> = {}

/** Renders the open page through wcc and checks it against the harness's reading of the same data. */
function throughWcc(page: PageHandle) {
  const data = JSON.parse(JSON.stringify(page.data))
  const out = renderer.render(`${page.route}.wxml`, data)
  shown[page.route] = { data, text: page.text() }
  return { ...out, text: wxText(out.tree).join('\n') }
}

beforeAll(async () => {
  renderer = wxmlRenderer(build)
  await seedGroup(suite.fn, { provider: 'wechat', subject: 'wcc-owner', name: '小王' }, { name: '周末露营', friends: ['小李', '小张'], expenses: 3 })
  suite.app = phone(suite.fn, readBundle('weapp'), 'wcc-owner')
  await suite.app.start()
  await suite.app.waitForText('周末露营')
})

test('the home page renders through the wcc templates as the harness reads it', () => {
  const page = suite.app!.page
  expect(page.route).toBe('pages/index/index')
  const r = throughWcc(page)
  expect(r.warnings).toEqual([])
  expect(r.text).toBe(page.text())
  expect(r.text).toContain('周末露营')
  // what a person taps is wired to the page's one event handler, with the node id Taro dispatches by
  const taps = wxElements(r.tree).filter((e) => e.attr?.bindtap === 'eh')
  expect(taps.length).toBeGreaterThan(0)
  for (const e of taps) expect(String(e.attr!['data-sid'] ?? e.attr!.id ?? '')).not.toBe('')
})

test('a group page renders through the wcc templates as the harness reads it', async () => {
  const app = suite.app!
  app.page.tap('周末露营')
  const page = await app.waitForPage('pages/group/index')
  await app.waitForText('Expense 0001 · 晚饭和打车')
  const r = throughWcc(page)
  expect(r.warnings).toEqual([])
  expect(r.text).toBe(page.text())
  for (const name of ['小李', '小张', 'Expense 0003 · 晚饭和打车']) expect(r.text).toContain(name)
  // inputs and buttons come out as the platform's own elements
  const tags = new Set(wxElements(r.tree).map((e) => e.tag))
  expect(tags).toContain('wx-button')
  expect(tags).toContain('wx-text')
})

describe('a mismatch between the data and the templates is caught', () => {
  test('a node whose template does not exist renders nothing, and wcc says so', () => {
    const { data, text } = shown['pages/index/index']
    const broken = JSON.parse(JSON.stringify(data)) as { root: { cn: Array<{ nn: string }> } }
    broken.root.cn[0].nn = '999'
    const r = renderer.render('pages/index/index.wxml', broken)
    expect(r.warnings.join('\n')).toMatch(/Template `tmpl_0_999` not found/)
    expect(wxText(r.tree).join('\n')).not.toBe(text)
  })

  test('a text template that reads a field the data does not have loses the page’s words', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-mismatch-'))
    try {
      fs.cpSync(build, copy, { recursive: true })
      const base = path.join(copy, 'base.wxml')
      const source = fs.readFileSync(base, 'utf8')
      const textTemplate = /(<template name="tmpl_0_9">\s*<block>)\{\{i\.v\}\}(<\/block>)/
      expect(source).toMatch(textTemplate)
      fs.writeFileSync(base, source.replace(textTemplate, '$1{{i.value}}$2'))
      const { data, text } = shown['pages/group/index']
      const r = wxmlRenderer(copy).render('pages/group/index.wxml', data)
      const rendered = wxText(r.tree).join('\n')
      expect(rendered).not.toBe(text)
      expect(rendered).not.toContain('小李')
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})
