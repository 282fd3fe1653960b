/**
 * setData budget of the compiled group page (npm run bench:view).
 *
 * Seeds a group with 2,000 expenses in the local function (in-memory PGlite), boots dist/weapp and dist/alipay
 * in the mini-program harness at the group page, and reads every setData the page sends: the first render
 * (the setData that first shows expenses), then each later one while the user scrolls to the bottom (reach-bottom
 * loads the next page of expenses; page scrolls move the visible window), pulls down to refresh and switches tabs.
 * WeChat warns when one setData passes 256 KB and fails it past 1 MB: every setData must stay under 256 KB.
 * Prints the figures; exits 1 over budget. Build the targets first (npx taro build --type weapp / --type alipay).
 *   BENCH_VIEW_EXPENSES=2000  BENCH_VIEW_TARGETS=weapp,alipay
 */
import { MiniApp, readBundle, SETDATA_WARN_BYTES, type Target } from '../tests/miniapp/harness'
import { startFunction } from '../tests/miniapp/harness/function'
import { seedGroup } from '../tests/miniapp/support/seed'

const EXPENSES = Number(process.env.BENCH_VIEW_EXPENSES ?? 2000)
const TARGETS = (process.env.BENCH_VIEW_TARGETS ?? 'weapp,alipay').split(',') as Target[]
const BUDGET = SETDATA_WARN_BYTES
const NO_MORE = '没有更多了'
const ROW = /^Expense \d{4}/

interface Figures {
  target: Target
  initialBytes: number
  firstRenderBytes: number
  firstRenderIndex: number
  laterMaxBytes: number
  laterCount: number
  totalBytes: number
  /** The list reached its end ("没有更多了"). */
  loaded: boolean
  /** listExpenses requests the page made (reach-bottom pages plus refreshes). */
  listPages: number
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function measure(target: Target, origin: string, loginCode: () => string, groupId: string): Promise<Figures> {
  const app = new MiniApp({
    target,
    bundle: readBundle(target),
    server: origin,
    loginCode,
    launch: { path: `pages/group/index?id=${groupId}` }
  })
  // the first render: the first setData after which the page shows expense rows
  let firstRenderIndex = -1
  app.onSetData((record, page) => {
    if (firstRenderIndex < 0 && page.route === 'pages/group/index' && page.queryAllByText(ROW).length > 0) firstRenderIndex = record.index
  })
  try {
    await app.start()
    const page = app.page
    await app.waitFor(() => firstRenderIndex >= 0, { timeoutMs: 30000 })
    await app.settle()

    // to the end of the list: each reach-bottom loads the next page, page scrolls move the rendered window
    let y = 0
    for (let round = 0; round < EXPENSES / 20 + 10; round++) {
      const before = app.recorder.of('request').length
      y += 3200
      page.scroll(y)
      page.reachBottom()
      await app.settle()
      if (app.recorder.of('request').length === before && page.text().includes(NO_MORE)) break
    }
    const loaded = page.text().includes(NO_MORE)
    const listPages = app.recorder.options<{ data: { action: string } }>('request').filter((r) => r.data.action === 'listExpenses').length
    page.pullDownRefresh()
    await app.settle()
    for (const tab of ['余额', '结算', '账单']) {
      const node = page.queryByText(tab)
      if (node) {
        page.tap(node)
        await app.settle()
      }
    }
    const log = page.setDataLog
    const later = log.slice(firstRenderIndex + 1)
    return {
      target,
      initialBytes: log[0]?.bytes ?? 0,
      firstRenderBytes: log[firstRenderIndex].bytes,
      firstRenderIndex,
      laterMaxBytes: Math.max(0, ...later.map((r) => r.bytes)),
      laterCount: later.length,
      totalBytes: log.reduce((a, r) => a + r.bytes, 0),
      loaded,
      listPages
    }
  } finally {
    app.close()
  }
}

async function main() {
  const fn = await startFunction()
  try {
    const started = Date.now()
    const group = await seedGroup(fn, { provider: 'wechat', subject: 'bench-owner', name: '小明' }, { name: '川西自驾', friends: ['小红', '小刚', '小丽'], expenses: EXPENSES })
    console.log(`seeded ${EXPENSES} expenses in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const results: Figures[] = []
    for (const target of TARGETS) {
      // the same person on each platform: the weapp phone signs in with WeChat; on alipay the owner joins with Alipay
      const provider = target === 'weapp' ? 'wechat' : 'alipay'
      const subject = target === 'weapp' ? 'bench-owner' : 'bench-owner-alipay'
      if (target === 'alipay') await joinWithAlipay(fn, group, subject)
      results.push(await measure(target, fn.origin, fn.accounts.phone(provider, subject), group.groupId))
    }
    console.log(`\nsetData payloads of pages/group/index with ${EXPENSES} expenses (budget ${kb(BUDGET)} per setData)`)
    console.log('target   initial   first render   largest later   later setData   total      all loaded   list pages')
    let over = false
    let incomplete = false
    for (const r of results) {
      console.log(
        `${r.target.padEnd(8)} ${kb(r.initialBytes).padStart(8)}  ${kb(r.firstRenderBytes).padStart(12)}  ${kb(r.laterMaxBytes).padStart(14)}  ${String(r.laterCount).padStart(14)}  ${kb(r.totalBytes).padStart(9)}  ${String(r.loaded).padStart(11)}  ${String(r.listPages).padStart(10)}`
      )
      if (r.firstRenderBytes > BUDGET || r.initialBytes > BUDGET || r.laterMaxBytes > BUDGET) over = true
      if (!r.loaded) incomplete = true
    }
    if (over) console.error(`\nOVER BUDGET: a setData passed ${kb(BUDGET)}`)
    if (incomplete) console.error(`\nINCOMPLETE: the list did not reach its end ("${NO_MORE}") by scrolling`)
    if (over || incomplete) process.exitCode = 1
    else console.log(`\nwithin budget: every setData under ${kb(BUDGET)}, all ${EXPENSES} expenses reached by scrolling`)
  } finally {
    await fn.close()
  }
}

async function joinWithAlipay(fn: Awaited<ReturnType<typeof startFunction>>, group: Awaited<ReturnType<typeof seedGroup>>, subject: string) {
  const { signInAs, clientId } = await import('../tests/miniapp/support/seed')
  const invite = await fn.call<{ token: string }>('createInvite', { groupId: group.groupId, clientId: clientId() }, group.token)
  const token = await signInAs(fn, 'alipay', subject, '小明')
  await fn.call('joinGroup', { clientId: clientId(), token: invite.token, claimMemberId: group.members.find((m) => m.name === '小红')?.id }, token)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
