/**
 * Recurring expenses: a series makes one normal expense per occurrence, exactly once, whoever makes it (the request
 * that sets it up, a group opened after a pause, the long-running server's timer, a serverless timer trigger) and
 * however many run at once. The clock is the app's, moved by the test.
 */
import { computeBalances, type Expense } from '../../src/domain'
import { runDueSeries } from '../../cloud/ledger/recurring'
import { createCloudbaseMain } from '../../cloud/entries/cloudbase'
import { createGatewayHandler } from '../../cloud/entries/gateway'
import { createApp } from '../../cloud/app'
import { cid, startHarness, sum, usingPostgres, type Harness } from './harness'

const DAY = 86_400_000
/** A Monday, 01:00 UTC. */
let now = new Date('2027-01-04T01:00:00Z')
const clock = () => now
const advance = (days: number) => (now = new Date(now.getTime() + days * DAY))

let h: Harness
beforeAll(async () => {
  h = await startHarness({ clock, env: { RECURRING_INTERVAL_MS: '0' } })
})
afterAll(async () => {
  await h?.close()
})

/** A session for `name` at the current clock (sessions expire after 7 days of the app's clock). */
const session = async (name: string) => (await h.signIn(name)).token

interface Group {
  id: string
  owner: string
  ownerName: string
  me: string
  pat: string
  cy: string
  version: number
}

async function newGroup(): Promise<Group> {
  const ownerName = `Ann ${cid()}`
  const owner = await session(ownerName)
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Flat', currency: 'CNY', emoji: '🏠', placeholders: ['Pat', 'Cy'] }, owner)
  const id = (n: string) => group.members.find((m) => m.name === n)!.id
  return { id: group.id, owner, ownerName, me: group.me, pat: id('Pat'), cy: id('Cy'), version: group.version }
}

const rent = (g: Group, amount = 1000) => ({ amount, paidBy: { [g.me]: amount }, split: { mode: 'equal' as const, members: [g.me, g.pat, g.cy] } })

async function add(g: Group, input: Record<string, unknown>) {
  return h.api.ok('addRecurring', { groupId: g.id, clientId: cid(), expense: rent(g), description: 'Rent', rule: { frequency: 'weekly' }, startDate: '2027-01-04', ...input }, await session(g.ownerName))
}

async function expenses(g: Group) {
  const token = await session(g.ownerName)
  const items = []
  let cursor: string | null | undefined
  do {
    const page = await h.api.ok('listExpenses', { groupId: g.id, ...(cursor ? { cursor } : {}), limit: 100 }, token)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

const occurrences = async (g: Group, seriesId: string) => (await expenses(g)).filter((e) => e.id.startsWith(`r-${seriesId}-`)).map((e) => e.date).sort()

async function activityCount(groupId: string): Promise<number> {
  const r = await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM activity WHERE group_id = $1', [groupId])
  return Number(r.rows[0]!.n)
}

async function refused(action: string, input: Record<string, unknown>, token: string, status: number, code: string) {
  const before = await h.snapshot()
  const r = await h.api.call(action as 'getGroup', input as never, token)
  expect([action, r.status, r.body.ok === false && r.body.error.code]).toEqual([action, status, code])
  expect(await h.snapshot()).toEqual(before)
}

beforeEach(() => {
  now = new Date('2027-01-04T01:00:00Z')
})

describe('add, list, edit, stop', () => {
  test('a series starting today makes its first expense at once; the next one is on the group page', async () => {
    const g = await newGroup()
    const out = await add(g, {})
    expect(out.created).toBe(1)
    expect(out.version).toBe(g.version + 2) // recurring.add, then expense.add
    expect(out.series).toMatchObject({ description: 'Rent', rule: { frequency: 'weekly' }, startDate: '2027-01-04', endDate: null, nextDate: '2027-01-11', lastDate: '2027-01-04', createdCount: 1, createdBy: g.me, stoppedAt: null })
    const [first] = await expenses(g)
    expect(first).toMatchObject({ id: `r-${out.series.id}-20270104`, date: '2027-01-04', description: 'Rent', category: 'other', createdBy: g.me, expense: { amount: 1000 } })
    expect(first!.id.length).toBeLessThanOrEqual(64)

    const { items } = await h.api.ok('listRecurring', { groupId: g.id }, g.owner)
    expect(items.map((s) => [s.id, s.nextDate])).toEqual([[out.series.id, '2027-01-11']])
    const { group } = await h.api.ok('getGroup', { groupId: g.id }, g.owner)
    expect(group.nextRecurring).toEqual({ seriesId: out.series.id, date: '2027-01-11', description: 'Rent', amount: 1000, currency: null })
    expect(group.expenseCount).toBe(1)
  })

  test('an edit changes the occurrences after today only; a stop ends the series; both are in the activity log', async () => {
    const g = await newGroup()
    const { series } = await add(g, {})
    const edited = await h.api.ok('editRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id, expense: rent(g, 1500), description: 'Rent + water' }, g.owner)
    expect(edited.created).toBe(0)
    expect(edited.series).toMatchObject({ description: 'Rent + water', expense: { amount: 1500 }, nextDate: '2027-01-11' })

    advance(7)
    const token = await session(g.ownerName)
    await h.api.ok('getGroup', { groupId: g.id }, token)
    const list = await expenses(g)
    expect(list.map((e) => [e.date, e.expense.amount, e.description])).toEqual([
      ['2027-01-11', 1500, 'Rent + water'],
      ['2027-01-04', 1000, 'Rent']
    ])

    // a monthly rule from tomorrow on: the 20th of the month
    const monthly = await h.api.ok('editRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id, rule: { frequency: 'monthly', dayOfMonth: 20 } }, token)
    expect(monthly.series.nextDate).toBe('2027-01-20')

    const stopped = await h.api.ok('stopRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id }, token)
    expect(stopped.series.stoppedAt).not.toBeNull()
    expect(stopped.series.nextDate).toBeNull()
    expect((await h.api.ok('listRecurring', { groupId: g.id }, token)).items).toEqual([])
    expect((await h.api.ok('getGroup', { groupId: g.id }, token)).group.nextRecurring).toBeNull()

    advance(60)
    const later = await session(g.ownerName)
    await h.api.ok('getGroup', { groupId: g.id }, later)
    expect(await runDueSeries(h.app.services, now)).toMatchObject({ failed: 0 })
    expect(await expenses(g)).toHaveLength(2)

    await refused('stopRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id }, later, 409, 'RECURRING_STOPPED')
    await refused('editRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id, description: 'Again' }, later, 409, 'RECURRING_STOPPED')

    const kinds = (await h.api.ok('listActivity', { groupId: g.id }, later)).items.map((a) => a.kind)
    expect(kinds.filter((k) => k.startsWith('recurring.'))).toEqual(['recurring.stop', 'recurring.edit', 'recurring.edit', 'recurring.add'])
    expect(kinds.filter((k) => k === 'expense.add')).toHaveLength(2)
    // one version per change
    const { group } = await h.api.ok('getGroup', { groupId: g.id }, later)
    expect(await activityCount(g.id)).toBe(group.version)
  })

  test('an end date is the last day; the series then has no next occurrence', async () => {
    const g = await newGroup()
    const { series } = await add(g, { endDate: '2027-01-18' })
    advance(40)
    await h.api.ok('getGroup', { groupId: g.id }, await session(g.ownerName))
    expect(await occurrences(g, series.id)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18'])
    const [listed] = (await h.api.ok('listRecurring', { groupId: g.id }, await session(g.ownerName))).items
    expect(listed).toMatchObject({ id: series.id, nextDate: null, createdCount: 3 })
  })

  test("today is the sender's day: a series set up from UTC+8 in the evening UTC starts on their date", async () => {
    now = new Date('2027-01-04T20:00:00Z') // 2027-01-05 04:00 in Shanghai
    const g = await newGroup()
    const out = await add(g, { startDate: '2027-01-05', timeZone: 'Asia/Shanghai' })
    expect(out.created).toBe(1)
    const utc = await add(g, { startDate: '2027-01-05' })
    expect(utc.created).toBe(0)
    expect(utc.series.nextDate).toBe('2027-01-05')
  })
})

describe('occurrences are normal expenses', () => {
  test('balances move by each one and still sum to zero; month ends are clamped', async () => {
    const g = await newGroup()
    const { series } = await add(g, { rule: { frequency: 'monthly', dayOfMonth: 31 }, expense: rent(g, 1001), startDate: '2027-01-01' })
    advance(90) // 2027-04-04
    const token = await session(g.ownerName)
    const { group } = await h.api.ok('getGroup', { groupId: g.id }, token)
    expect(await occurrences(g, series.id)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31'])
    expect(sum(group.balances)).toBe(0)
    const list = await expenses(g)
    const expected = computeBalances({ members: group.members.map((m) => m.id), expenses: list.map((e) => e.expense as Expense), payments: [], currency: 'CNY' })
    for (const m of group.members) expect([m.name, group.balances[m.id] ?? 0]).toEqual([m.name, expected[m.id] ?? 0])
    expect(group.balances[g.me]).toBe(3 * 1001 - list.reduce((t, e) => t + e.shares[g.me]!, 0))
    expect(group.totalSpent).toBe(3003)
    expect(group.nextRecurring).toMatchObject({ seriesId: series.id, date: '2027-04-30' })

    // deleted like any expense, and never made again
    const deleted = list.find((e) => e.date === '2027-02-28')!
    await h.api.ok('deleteExpense', { groupId: g.id, clientId: cid(), expenseId: deleted.id }, token)
    expect(await runDueSeries(h.app.services, now)).toMatchObject({ failed: 0 })
    expect(await occurrences(g, series.id)).toEqual(['2027-01-31', '2027-03-31'])
    advance(30) // 2027-05-04
    await h.api.ok('getGroup', { groupId: g.id }, await session(g.ownerName))
    expect(await occurrences(g, series.id)).toEqual(['2027-01-31', '2027-03-31', '2027-04-30'])
  })
})

describe('catch-up and exactly once', () => {
  test('a group opened after 90 days makes exactly the missed occurrences (13 weekly, 3 monthly)', async () => {
    const g = await newGroup()
    const weekly = await add(g, {})
    const monthly = await add(g, { rule: { frequency: 'monthly', dayOfMonth: 15 }, description: 'Internet', expense: rent(g, 300) })
    expect([weekly.created, monthly.created]).toEqual([1, 0])
    advance(90) // 2027-04-04
    const token = await session(g.ownerName)
    const before = (await h.api.ok('listGroups', {}, token)).items.find((x) => x.id === g.id)!.version
    const { group } = await h.api.ok('getGroup', { groupId: g.id }, token)
    expect(group.version).toBe(before + 12 + 3)
    expect(await occurrences(g, weekly.series.id)).toHaveLength(13)
    expect(await occurrences(g, monthly.series.id)).toEqual(['2027-01-15', '2027-02-15', '2027-03-15'])
    expect(group.expenseCount).toBe(16)
    expect(await activityCount(g.id)).toBe(group.version)

    // opening it again, and the timer after it, make nothing
    const snap = await h.snapshot()
    await h.api.ok('getGroup', { groupId: g.id }, token)
    expect(await runDueSeries(h.app.services, now)).toMatchObject({ created: 0, failed: 0 })
    expect(await h.snapshot()).toEqual(snap)
  })

  test('the timer run twice makes each occurrence once', async () => {
    const g = await newGroup()
    const { series } = await add(g, { startDate: '2027-01-05' })
    advance(30) // 2027-02-03
    const first = await runDueSeries(h.app.services, now)
    expect(first.created).toBeGreaterThanOrEqual(5)
    expect(await occurrences(g, series.id)).toEqual(['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02'])
    const snap = await h.snapshot()
    expect(await runDueSeries(h.app.services, now)).toEqual({ groups: 0, created: 0, stopped: 0, failed: 0 })
    expect(await h.snapshot()).toEqual(snap)
  })

  test('concurrent runners and group openings make each occurrence exactly once', async () => {
    const groups = await Promise.all([0, 1, 2, 3, 4].map(() => newGroup()))
    const series = []
    for (const g of groups) series.push((await add(g, { startDate: '2027-01-05', rule: { frequency: 'weekly' } })).series.id)
    advance(70) // 2027-03-15: 10 weekly occurrences each (01-05 .. 03-09)
    const tokens = await Promise.all(groups.map((g) => session(g.ownerName)))
    const runs = await Promise.all([
      runDueSeries(h.app.services, now),
      runDueSeries(h.app.services, now),
      ...groups.map((g, i) => h.api.ok('getGroup', { groupId: g.id }, tokens[i])),
      runDueSeries(h.app.services, now),
      ...groups.map((g, i) => h.api.ok('listRecurring', { groupId: g.id }, tokens[i])),
      runDueSeries(h.app.services, now)
    ])
    expect(runs.filter((r) => 'failed' in r).every((r) => (r as { failed: number }).failed === 0)).toBe(true)
    for (const [i, g] of groups.entries()) {
      const dates = await occurrences(g, series[i]!)
      expect(dates).toHaveLength(10)
      expect(new Set(dates).size).toBe(10)
      const { group } = await h.api.ok('getGroup', { groupId: g.id }, tokens[i])
      expect(group.expenseCount).toBe(10)
      expect(sum(group.balances)).toBe(0)
      expect(group.balances[g.me]).toBe(10 * 1000 - (await expenses(g)).reduce((t, e) => t + e.shares[g.me]!, 0))
      expect(await activityCount(g.id)).toBe(group.version)
    }
  })

  test('one run makes at most 400 occurrences of a series; the next run makes the rest', async () => {
    const g = await newGroup()
    const { series } = await add(g, {})
    advance(7 * 428) // 428 weeks later: 428 occurrences are due after the first
    await h.api.ok('getGroup', { groupId: g.id }, await session(g.ownerName))
    expect(await occurrences(g, series.id)).toHaveLength(401)
    await h.api.ok('getGroup', { groupId: g.id }, await session(g.ownerName))
    const dates = await occurrences(g, series.id)
    expect(dates).toHaveLength(429)
    expect(dates[428]).toBe(now.toISOString().slice(0, 10))
  })

  if (usingPostgres()) {
    test('two instances on one database, each running the timer and opening groups at once, make each occurrence once', async () => {
      const schema = (await h.app.db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s
      const other = await createApp({ clock, env: { SPLITPAY_MODE: 'dev', RECURRING_INTERVAL_MS: '0' }, databaseUrl: process.env.TEST_DATABASE_URL, schema })
      try {
        const groups = await Promise.all([0, 1, 2].map(() => newGroup()))
        const series = []
        for (const g of groups) series.push((await add(g, { startDate: '2027-01-05' })).series.id)
        advance(35) // 2027-02-08: 01-05 .. 02-02, 5 each
        const tokens = await Promise.all(groups.map((g) => session(g.ownerName)))
        const viaOther = (groupId: string, token: string) => other.handler.handle({ action: 'getGroup', input: { groupId }, token })
        const runs = await Promise.all([
          runDueSeries(h.app.services, now),
          runDueSeries(other.services, now),
          ...groups.map((g, i) => viaOther(g.id, tokens[i]!)),
          ...groups.map((g, i) => h.api.ok('getGroup', { groupId: g.id }, tokens[i])),
          runDueSeries(other.services, now),
          runDueSeries(h.app.services, now)
        ])
        for (const r of runs) {
          if ('status' in r) expect(r.status).toBe(200)
          if ('failed' in r) expect(r.failed).toBe(0)
        }
        for (const [i, g] of groups.entries()) {
          expect(await occurrences(g, series[i]!)).toEqual(['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02'])
          const { group } = await h.api.ok('getGroup', { groupId: g.id }, tokens[i])
          expect(sum(group.balances)).toBe(0)
          expect(await activityCount(g.id)).toBe(group.version)
        }
      } finally {
        await other.close()
      }
    })
  }

  test('a series whose member left is stopped by itself, with the reason, and makes nothing', async () => {
    const g = await newGroup()
    const { series } = await add(g, { startDate: '2027-01-10' })
    // Pat is in the series: removing him keeps his member, as left
    const removed = await h.api.ok('removeMember', { groupId: g.id, clientId: cid(), memberId: g.pat }, g.owner)
    expect(removed.group.members.find((m) => m.id === g.pat)).toMatchObject({ left: true })
    advance(10)
    const report = await runDueSeries(h.app.services, now)
    expect(report.stopped).toBeGreaterThanOrEqual(1)
    expect(await occurrences(g, series.id)).toEqual([])
    const token = await session(g.ownerName)
    expect((await h.api.ok('listRecurring', { groupId: g.id }, token)).items).toEqual([])
    const [entry] = (await h.api.ok('listActivity', { groupId: g.id }, token)).items
    expect(entry).toMatchObject({ kind: 'recurring.stop', actor: { memberId: g.me }, data: { seriesId: series.id, reason: 'MEMBER_LEFT', date: '2027-01-10', automatic: true } })
  })
})

describe('refusals', () => {
  test('bad input gets a stable code and writes nothing', async () => {
    const g = await newGroup()
    const base = { groupId: g.id, expense: rent(g), description: 'Rent', rule: { frequency: 'weekly' }, startDate: '2027-01-04' }
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ endDate: '2027-01-03' }, 400, 'INVALID_INPUT'],
      [{ rule: { frequency: 'monthly', dayOfMonth: 32 } }, 400, 'INVALID_INPUT'],
      [{ rule: { frequency: 'daily' } }, 400, 'INVALID_INPUT'],
      [{ startDate: '2027-02-30' }, 400, 'INVALID_INPUT'],
      [{ startDate: '2025-01-01' }, 400, 'INVALID_INPUT'],
      [{ expense: { ...rent(g), amount: 0, paidBy: { [g.me]: 0 } } }, 400, 'MONEY_ZERO'],
      [{ expense: { ...rent(g), paidBy: { [g.me]: 999 } } }, 400, 'PAYERS_TOTAL'],
      [{ expense: { ...rent(g), split: { mode: 'equal', members: [g.me, 'm_stranger'] } } }, 400, 'UNKNOWN_MEMBER'],
      [{ expense: { ...rent(g), currency: 'USD' } }, 400, 'RATE_REQUIRED']
    ]
    for (const [change, status, code] of cases) await refused('addRecurring', { ...base, clientId: cid(), ...change }, g.owner, status, code)

    const { series } = await add(g, { startDate: '2027-02-01' })
    await refused('editRecurring', { groupId: g.id, clientId: cid(), seriesId: 's_nosuchseries', description: 'x' }, g.owner, 404, 'RECURRING_NOT_FOUND')
    await refused('stopRecurring', { groupId: g.id, clientId: cid(), seriesId: 's_nosuchseries' }, g.owner, 404, 'RECURRING_NOT_FOUND')
    await refused('editRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id, endDate: '2027-01-31' }, g.owner, 400, 'INVALID_INPUT')
    await refused('editRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id, expense: { ...rent(g), split: { mode: 'percent', basisPoints: { [g.me]: 5000 } } } }, g.owner, 400, 'SPLIT_PERCENT_TOTAL')
    // another group's series is not found from this one
    const other = await newGroup()
    await refused('stopRecurring', { groupId: other.id, clientId: cid(), seriesId: series.id }, other.owner, 404, 'RECURRING_NOT_FOUND')
  })

  test('a non-member can neither list, add, edit nor stop', async () => {
    const g = await newGroup()
    const { series } = await add(g, { startDate: '2027-02-01' })
    const outsider = await session(`Mallory ${cid()}`)
    await refused('listRecurring', { groupId: g.id }, outsider, 403, 'NOT_MEMBER')
    await refused('stopRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id }, outsider, 403, 'NOT_MEMBER')
    await refused('editRecurring', { groupId: g.id, clientId: cid(), seriesId: series.id, description: 'Mine' }, outsider, 403, 'NOT_MEMBER')
    await refused('addRecurring', { groupId: g.id, clientId: cid(), expense: rent(g), description: 'x', rule: { frequency: 'weekly' }, startDate: '2027-02-01' }, outsider, 403, 'NOT_MEMBER')
  })

  test('a retry of addRecurring with the same client id makes one series', async () => {
    const g = await newGroup()
    const input = { groupId: g.id, clientId: cid(), expense: rent(g), description: 'Gym', rule: { frequency: 'weekly' }, startDate: '2027-01-04' }
    const [a, b] = await Promise.all([h.api.ok('addRecurring', input, g.owner), h.api.ok('addRecurring', input, g.owner)])
    expect(b).toEqual(a)
    expect((await h.api.ok('listRecurring', { groupId: g.id }, g.owner)).items).toHaveLength(1)
    expect(await expenses(g)).toHaveLength(1)
  })
})

describe('timers', () => {
  test("the long-running server's own timer makes what came due", async () => {
    const t = await startHarness({ clock, env: { RECURRING_INTERVAL_MS: '100' } })
    try {
      const owner = await t.signIn(`Tim ${cid()}`)
      const { group } = await t.api.ok('createGroup', { clientId: cid(), name: 'Timer', currency: 'CNY', emoji: '⏰', placeholders: [] }, owner.token)
      const expense = { amount: 700, paidBy: { [group.me]: 700 }, split: { mode: 'equal', members: [group.me] } }
      const { series } = await t.api.ok('addRecurring', { groupId: group.id, clientId: cid(), expense, description: 'Cloud', rule: { frequency: 'weekly' }, startDate: '2027-01-05' }, owner.token)
      advance(1)
      let ids: string[] = []
      for (let i = 0; i < 100 && ids.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100))
        const r = await t.app.db.query<{ id: string }>('SELECT id FROM expenses WHERE group_id = $1', [group.id])
        ids = r.rows.map((x) => x.id)
      }
      expect(ids).toEqual([`r-${series.id}-20270105`])
    } finally {
      await t.close()
    }
  })

  test('serverless timer triggers (CloudBase / SCF and Function Compute events) run the due series; a caller cannot pose as one', async () => {
    const getHandler = async () => h.app.handler
    const main = createCloudbaseMain(getHandler, () => ({}))
    const gateway = createGatewayHandler(getHandler)
    const g = await newGroup()
    const { series } = await add(g, { startDate: '2027-01-05' })

    advance(1)
    const viaCloudbase = await main({ Type: 'Timer', TriggerName: 'recurring', Time: now.toISOString() } as never)
    expect(viaCloudbase).toMatchObject({ status: 200, ok: true, recurring: { failed: 0 } })
    expect(await occurrences(g, series.id)).toEqual(['2027-01-05'])

    advance(7)
    const viaScf = await gateway({ Type: 'Timer', TriggerName: 'recurring', Time: now.toISOString(), Message: '' })
    expect(viaScf.statusCode).toBe(200)
    expect(JSON.parse(String(viaScf.body))).toMatchObject({ ok: true, recurring: { failed: 0 } })
    expect(await occurrences(g, series.id)).toEqual(['2027-01-05', '2027-01-12'])

    advance(7)
    const viaFc = await gateway({ triggerName: 'recurring', triggerTime: now.toISOString(), payload: '' })
    expect(viaFc.statusCode).toBe(200)
    expect(await occurrences(g, series.id)).toEqual(['2027-01-05', '2027-01-12', '2027-01-19'])

    // a mini-program's call (it has an OPENID) shaped like a timer event is an ordinary call, refused as one
    advance(7)
    const withCaller = createCloudbaseMain(getHandler, () => ({ OPENID: 'o-someone' }))
    const posing = await withCaller({ Type: 'Timer' } as never)
    expect(posing).toMatchObject({ status: 400, ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await occurrences(g, series.id)).toEqual(['2027-01-05', '2027-01-12', '2027-01-19'])
  })
})
