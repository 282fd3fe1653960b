/**
 * A long group on the compiled group page: reach-bottom pages through every expense (the function's cursor, no
 * silent cap), page scrolls move the rendered window down to the oldest expense, and no setData passes 256 KB.
 */
import { readBundle, SETDATA_WARN_BYTES, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { headerBalance, phone, providerOf } from './support/phone'
import { seedGroup, type SeededGroup } from './support/seed'

jest.setTimeout(120_000)

const EXPENSES = 130

describe.each(['weapp', 'alipay'] as const)(`%s: a group with ${EXPENSES} expenses`, (target) => {
  let fn: LocalFunction
  let group: SeededGroup
  let app: MiniApp

  beforeAll(async () => {
    fn = await startFunction()
    group = await seedGroup(fn, { provider: providerOf(target), subject: `${target}-owner`, name: '小明' }, { name: '川西自驾', friends: ['小红', '小刚'], expenses: EXPENSES })
    app = phone(fn, readBundle(target), `${target}-owner`, { launch: { path: `pages/group/index?id=${group.groupId}` } })
    await app.start()
  })
  afterAll(async () => {
    app?.close()
    await fn?.close()
  })

  const listCalls = () =>
    app.recorder.options<{ data: { action: string; input: { cursor?: string } } }>('request').filter((r) => r.data.action === 'listExpenses')

  it('opens on the newest expenses and counts them all in the header', async () => {
    const page = await app.waitForText('Expense 0130')
    expect(page.text()).toContain(`共 ${EXPENSES} 笔`)
    expect(headerBalance(app)).toMatch(/^(应收|应付|已结清) ¥[\d,]+\.\d{2}$/)
    expect(listCalls()[0].data.input.cursor).toBeUndefined()
  })

  it('loads the next page at the bottom until there is no more', async () => {
    const page = app.page
    let rounds = 0
    while (!page.text().includes('没有更多了') && rounds++ < 10) {
      page.reachBottom()
      await app.settle()
    }
    expect(page.text()).toContain('没有更多了')
    const calls = listCalls()
    expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(EXPENSES / 100))
    expect(calls.slice(1).every((c) => typeof c.data.input.cursor === 'string')).toBe(true)
    // at the end, reaching the bottom again asks for nothing
    page.reachBottom()
    await app.settle()
    expect(listCalls()).toHaveLength(calls.length)
  })

  it('scrolls the rendered window down to the oldest expense', async () => {
    const page = app.page
    expect(page.queryByText(/^Expense 0001/)).toBeNull() // only a window of rows is on the page
    for (let y = 0; y <= EXPENSES * 200 && !page.queryByText(/^Expense 0001/); y += 1000) {
      page.scroll(y)
      await app.settle()
    }
    expect(page.getByText(/^Expense 0001/).tag).toBe('text')
    expect(page.queryByText(/^Expense 0130/)).toBeNull()
  })

  it('keeps every setData under 256 KB', () => {
    const sizes = app.setDataLog.map((r) => r.bytes)
    expect(sizes.length).toBeGreaterThan(3)
    expect(Math.max(...sizes)).toBeLessThan(SETDATA_WARN_BYTES)
  })
})
