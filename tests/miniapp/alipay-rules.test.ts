/**
 * The alipay build against Alipay's rules (tests/miniapp/support/alipay-rules.ts): the real build has no problem,
 * and each kind of mistake, made in a copy of the build, is found.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { alipayProblems } from './support/alipay-rules'

const build = path.resolve(__dirname, '..', '..', 'dist', 'alipay')

test('the alipay build follows the rules', () => {
  expect(alipayProblems(build)).toEqual([])
})

describe('each kind of mistake is found', () => {
  let copy: string
  beforeEach(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-broken-'))
    fs.cpSync(build, copy, { recursive: true })
  })
  afterEach(() => fs.rmSync(copy, { recursive: true, force: true }))
  const edit = (file: string, change: (text: string) => string) => fs.writeFileSync(path.join(copy, file), change(fs.readFileSync(path.join(copy, file), 'utf8')))

  test.each([
    ['a WeChat window key in app.json', () => edit('app.json', (t) => JSON.stringify({ ...JSON.parse(t), window: { ...JSON.parse(t).window, navigationBarTextStyle: 'white' } })), /app\.json: window key navigationBarTextStyle/],
    ['a WeChat-only app.json key', () => edit('app.json', (t) => JSON.stringify({ ...JSON.parse(t), lazyCodeLoading: 'requiredComponents' })), /app\.json: lazyCodeLoading is WeChat's, not Alipay's/],
    ['a WeChat key in a page json', () => edit('pages/group/index.json', (t) => JSON.stringify({ ...JSON.parse(t), enablePullDownRefresh: true })), /pages\/group\/index\.json: key enablePullDownRefresh/],
    ['a page without its template', () => fs.rmSync(path.join(copy, 'pages/index/index.axml')), /pages\/index\/index: no \.axml file/],
    ['a tag never closed', () => edit('pages/index/index.axml', (t) => `${t}\n<view class="oops">`), /pages\/index\/index\.axml: <view> is never closed/],
    ['a WeChat directive', () => edit('pages/index/index.axml', (t) => `${t}\n<view wx:if="{{a}}"></view>`), /uses a WeChat directive/],
    ['a WeChat event binding', () => edit('pages/index/index.axml', (t) => `${t}\n<view bindtap="eh"></view>`), /binds an event the WeChat way/],
    ['an import of a missing template', () => edit('pages/index/index.axml', (t) => t.replace('../../base.axml', '../../missing.axml')), /imports \.\.\/\.\.\/missing\.axml, which does not exist/],
    ['an SJS import of a missing file', () => edit('base.axml', (t) => t.replace('./utils.sjs', './gone.sjs')), /<import-sjs> from \.\/gone\.sjs, which does not exist/],
    ['a component path that does not exist', () => edit('pages/index/index.json', (t) => JSON.stringify({ ...JSON.parse(t), usingComponents: { card: '../../components/card' } })), /component card -> \.\.\/\.\.\/components\/card has no \.axml/]
  ])('%s', (_name, breakIt, expected) => {
    breakIt()
    expect(alipayProblems(copy).join('\n')).toMatch(expected)
  })
})
