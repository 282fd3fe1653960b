/**
 * WeChat's own compilers on the weapp build: wcc compiles every .wxml (with Taro's utils.wxs) and wcsc every
 * .wxss of dist/weapp, as WeChat DevTools would before a preview or an upload. A template with a missing end tag
 * and a style with a missing brace, in a copy of the build, prove that each check fails on a real error.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compileWxml, compileWxss, filesOf } from './support/wechat-compilers'

const build = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

test('wcc compiles every template and wcsc every style of the weapp build', () => {
  const templates = filesOf(build, '.wxml')
  const pages = (JSON.parse(fs.readFileSync(path.join(build, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> })
  const routes = [...pages.pages, ...(pages.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}${s.root.endsWith('/') ? '' : '/'}${p}`))]
  for (const route of routes) expect(templates).toContain(`${route}.wxml`)
  expect(filesOf(build, '.wxs').length).toBeGreaterThan(0)

  const code = compileWxml(build)
  for (const route of routes) expect(code).toContain(`'${route}.wxml'`)

  // every page's style has its own entry; app.wxss and what it imports are the common part
  const styles = compileWxss(build)
  for (const route of routes) if (fs.existsSync(path.join(build, `${route}.wxss`))) expect(Object.keys(styles)).toContain(`${route}.wxss`)
  expect(styles.comm?.length).toBeGreaterThan(1000)
})

describe('a broken file fails the check', () => {
  let copy: string
  beforeEach(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-'))
    fs.cpSync(build, copy, { recursive: true })
  })
  afterEach(() => fs.rmSync(copy, { recursive: true, force: true }))

  test('a template with a missing end tag', () => {
    fs.appendFileSync(path.join(copy, 'pages/index/index.wxml'), '\n<view class="oops">no end tag\n')
    expect(() => compileWxml(copy)).toThrow(/pages\/index\/index\.wxml:\d+:\d+: end tag missing/)
  })

  test('a style with a missing brace', () => {
    fs.appendFileSync(path.join(copy, 'pages/index/index.wxss'), '\n.oops { color: red\n')
    expect(() => compileWxss(copy)).toThrow(/wxss/)
  })
})
