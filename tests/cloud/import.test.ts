/**
 * importGroup over HTTP against the real function (PGlite here, PostgreSQL in cloud-postgres): our own JSON export
 * round-trips into a new group to the fen; a Splitwise CSV export imports with a placeholder per person; a bad file
 * names its line and writes nothing; retries and limits.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { GroupView } from '../../src/api'
import { cid, equalExpense, startHarness, sum, type Harness } from './harness'

const FIXTURE = fs.readFileSync(path.join(__dirname, 'fixtures/splitwise-export.csv'), 'utf8')

/** A group's balances by member name. */
const byName = (g: GroupView) => Object.fromEntries(g.members.map((m) => [m.name, g.balances[m.id] ?? 0]))

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('our own JSON export round-trips', () => {
  let ann: { token: string }
  let bob: { token: string }
  let old: GroupView
  let content: string

  beforeAll(async () => {
    ann = await h.signIn('Ann Import')
    bob = await h.signIn('Bob Import')
    const created = await h.api.ok('createGroup', { clientId: cid(), name: '云南之旅', currency: 'CNY', emoji: '🏔️', placeholders: ['Cat', 'Dan'] }, ann.token)
    const groupId = created.group.id
    const a = created.group.me
    const c = created.group.members.find((m) => m.name === 'Cat')!.id
    const d = created.group.members.find((m) => m.name === 'Dan')!.id
    const add = (expense: unknown, description: string, extra: Record<string, unknown> = {}) =>
      h.api.ok('addExpense', { groupId, clientId: cid(), expense, description, date: '2024-05-01', ...extra }, ann.token)
    await add(equalExpense(`e_${cid()}`, 10001, a, [a, c, d]), 'Dinner (a fen left over)', { category: 'food' })
    await add({ id: `e_${cid()}`, amount: 777, paidBy: { [c]: 777 }, split: { mode: 'shares', shares: { [a]: 1, [c]: 2, [d]: 4 } } }, 'Shares')
    await add({ id: `e_${cid()}`, amount: 5000, paidBy: { [d]: 5000 }, split: { mode: 'exact', amounts: { [a]: 1000, [c]: 4000 } } }, 'Exact')
    await add({ id: `e_${cid()}`, amount: 1000, paidBy: { [a]: 1000 }, split: { mode: 'adjust', members: [a, c, d], adjustments: { [a]: 101 } } }, 'Adjusted')
    await add({ id: `e_${cid()}`, amount: 3333, paidBy: { [c]: 3333 }, split: { mode: 'percent', basisPoints: { [a]: 3333, [c]: 3333, [d]: 3334 } } }, 'Percent')
    await add({ id: `e_${cid()}`, amount: 1201, currency: 'JPY', rate: '0.0485', paidBy: { [d]: 1201 }, split: { mode: 'equal', members: [a, c, d] } }, 'Ramen in yen')
    await add({ id: `e_${cid()}`, amount: 1001, paidBy: { [a]: 600, [c]: 401 }, split: { mode: 'equal', members: [a, c, d] } }, 'Two payers')
    await add({ id: `e_${cid()}`, amount: -1001, paidBy: { [a]: -1001 }, split: { mode: 'equal', members: [a, c, d] } }, 'Refund')
    const gone = await add(equalExpense(`e_${cid()}`, 99999, d, [a, d]), 'Deleted later')
    await h.api.ok('deleteExpense', { groupId, clientId: cid(), expenseId: gone.expense.id }, ann.token)
    // recorded by the receiver: confirmed at once
    await h.api.ok('recordPayment', { groupId, clientId: cid(), from: c, to: a, amount: 1234 }, ann.token)
    old = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    content = (await h.api.ok('exportGroup', { groupId, format: 'json' }, ann.token)).content
    expect(old.expenseCount).toBe(8)
    expect(Object.values(old.balances).some((v) => v !== 0)).toBe(true)
  })

  test('into a new group of the importer: the same balances to the fen, by member', async () => {
    const before = (await h.api.ok('listGroups', {}, bob.token)).items.length
    const out = await h.api.ok('importGroup', { clientId: cid(), format: 'json', content }, bob.token)
    const g = out.group
    expect(g.id).not.toBe(old.id)
    expect(g).toMatchObject({ name: '云南之旅', currency: 'CNY', emoji: '🏔️', expenseCount: old.expenseCount, totalSpent: old.totalSpent, version: 1 })
    // the exported members are placeholders; the importer is the organizer, owing nothing
    expect(g.members.map((m) => [m.name, m.userId === null, m.role])).toEqual([
      ['Bob Import', false, 'organizer'],
      ['Ann Import', true, 'member'],
      ['Cat', true, 'member'],
      ['Dan', true, 'member']
    ])
    expect(byName(g)).toEqual({ ...byName(old), 'Bob Import': 0 })
    expect(sum(g.balances)).toBe(0)
    expect(out.imported).toMatchObject({ expenses: 8, payments: 1, members: 3 })
    expect(out.imported.skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(/deleted/) })])
    // the same plan, transfer by transfer
    const names = (view: GroupView) => new Map(view.members.map((m) => [m.id, m.name]))
    const plan = (view: GroupView) => view.plan.map((t) => `${names(view).get(t.from)}>${names(view).get(t.to)}:${t.amount}`).sort()
    expect(plan(g)).toEqual(plan(old))
    // one activity row for the whole import
    const activity = await h.api.ok('listActivity', { groupId: g.id }, bob.token)
    expect(activity.items.map((i) => i.kind)).toEqual(['group.import'])
    expect((await h.api.ok('listGroups', {}, bob.token)).items.length).toBe(before + 1)
    // descriptions, dates and the foreign currency survive
    const listed = await h.api.ok('listExpenses', { groupId: g.id, limit: 100 }, bob.token)
    expect(listed.items.map((e) => e.description).sort()).toEqual(['Adjusted', 'Dinner (a fen left over)', 'Exact', 'Percent', 'Ramen in yen', 'Refund', 'Shares', 'Two payers'])
    expect(listed.items.every((e) => e.date === '2024-05-01')).toBe(true)
    const ramen = listed.items.find((e) => e.description === 'Ramen in yen')!
    expect(sum(ramen.shares)).toBe(5825)
  })

  test('`me` puts the importer in the place of the file\'s member', async () => {
    const annOld = old.members.find((m) => m.name === 'Ann Import')!
    const out = await h.api.ok('importGroup', { clientId: cid(), format: 'json', content, me: annOld.id, name: 'Copy' }, ann.token)
    expect(out.group.name).toBe('Copy')
    expect(out.group.members).toHaveLength(3)
    expect(out.group.balances[out.group.me]).toBe(old.balances[annOld.id])
    expect(byName(out.group)).toEqual(byName(old))
  })

  test('a retry with the same clientId answers the same group and writes nothing', async () => {
    const clientId = cid()
    const first = await h.api.ok('importGroup', { clientId, format: 'json', content }, bob.token)
    const count = (await h.api.ok('listGroups', {}, bob.token)).items.length
    const again = await h.api.ok('importGroup', { clientId, format: 'json', content }, bob.token)
    expect(again.group.id).toBe(first.group.id)
    expect((await h.api.ok('listGroups', {}, bob.token)).items.length).toBe(count)
    const other = await h.api.call('importGroup', { clientId, format: 'json', content, name: 'Else' }, bob.token)
    expect(other.body.ok ? null : other.body.error.code).toBe('CLIENT_ID_REUSED')
  })

  test('an edited file whose balances do not add up: IMPORT_MISMATCH, nothing written', async () => {
    const file = JSON.parse(content) as { balances: Record<string, number> }
    const [x, y] = Object.keys(file.balances)
    file.balances[x!]! += 1
    file.balances[y!]! -= 1
    const before = await h.snapshot()
    const r = await h.api.call('importGroup', { clientId: cid(), format: 'json', content: JSON.stringify(file, null, 2) }, bob.token)
    expect(r.status).toBe(400)
    expect(r.body.ok ? null : r.body.error.code).toBe('IMPORT_MISMATCH')
    expect(await h.snapshot()).toEqual(before)
  })

  test('a broken expense names its line; nothing written', async () => {
    const file = JSON.parse(content) as { expenses: Array<{ id: string; description: string; date: string }> }
    const exact = file.expenses.find((e) => e.description === 'Exact')!
    exact.date = '2024-02-30'
    const text = JSON.stringify(file, null, 2)
    const line = text.slice(0, text.indexOf(`"id": "${exact.id}"`)).split('\n').length
    expect(line).toBeGreaterThan(20)
    const before = await h.snapshot()
    const r = await h.api.call('importGroup', { clientId: cid(), format: 'json', content: text }, bob.token)
    expect(r.body.ok ? null : r.body.error).toMatchObject({ code: 'IMPORT_INVALID', details: { line, path: expect.stringMatching(/^expenses\[\d+\]\.date$/) } })
    expect(r.body.ok ? '' : r.body.error.message).toMatch(new RegExp(`^Line ${line}\\b.*not a date`))
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('a Splitwise CSV export', () => {
  let zoe: { token: string }
  beforeAll(async () => {
    zoe = await h.signIn('Zoe Import')
  })

  test('imports into a new group with a placeholder per person; balances are the column sums', async () => {
    const out = await h.api.ok('importGroup', { clientId: cid(), format: 'splitwise', content: FIXTURE, name: '合租' }, zoe.token)
    const g = out.group
    expect(g).toMatchObject({ name: '合租', currency: 'CNY', expenseCount: 4, totalSpent: 30000 + 4550 + 10000 + 9000 })
    expect(g.members.map((m) => [m.name, m.userId === null])).toEqual([
      ['Zoe Import', false],
      ['张伟', true],
      ['李娜', true],
      ['Bob', true]
    ])
    // the footer's Total balance row, to the fen
    expect(byName(g)).toEqual({ 'Zoe Import': 0, 张伟: 16483, 李娜: -9967, Bob: -6516 })
    expect(out.imported).toEqual({ expenses: 4, payments: 1, members: 3, skipped: [{ line: 8, reason: expect.any(String) }] })
    const listed = await h.api.ok('listExpenses', { groupId: g.id, limit: 100 }, zoe.token)
    const dinner = listed.items.find((e) => e.description === 'Dinner, hotpot')!
    const id = (name: string) => g.members.find((m) => m.name === name)!.id
    expect(dinner.expense.paidBy).toEqual({ [id('张伟')]: 30000 })
    expect(dinner.shares).toEqual({ [id('张伟')]: 10000, [id('李娜')]: 10000, [id('Bob')]: 10000 })
    expect(dinner.category).toBe('food')
    expect(listed.items.map((e) => e.description)).toContain('Groceries "bulk", shared')
  })

  test('`me` names the importer\'s column; `currency` must match the rows', async () => {
    const out = await h.api.ok('importGroup', { clientId: cid(), format: 'splitwise', content: FIXTURE, me: '李娜' }, zoe.token)
    expect(out.group.members).toHaveLength(3)
    expect(out.group.balances[out.group.me]).toBe(-9967)
    expect(out.group.name).toBe('Splitwise')
    const r = await h.api.call('importGroup', { clientId: cid(), format: 'splitwise', content: FIXTURE, currency: 'USD' }, zoe.token)
    expect(r.body.ok ? null : r.body.error).toMatchObject({ code: 'IMPORT_INVALID', details: { line: 3, column: 'Currency' } })
    const nobody = await h.api.call('importGroup', { clientId: cid(), format: 'splitwise', content: FIXTURE, me: 'Nobody' }, zoe.token)
    expect(nobody.body.ok ? null : nobody.body.error.code).toBe('IMPORT_INVALID')
  })

  const lines = FIXTURE.replace(/^\uFEFF/, '').split('\r\n')
  const edit = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\r\n')

  test.each([
    ['a wrong header', edit(1, 'Date,Description,Category,Amount,Currency,张伟,李娜,Bob'), 1, /header/],
    ['a bad number on line 4', edit(4, '2024-03-02,Taxi to the airport,Taxi,45.50,CNY,-15.17,30.3x,-15.16'), 4, /"30\.3x" is not an amount/],
    ['a row that does not sum to zero', edit(5, '2024-03-03,"Groceries ""bulk"", shared",Groceries,100.00,CNY,50.00,0.01,-50.00'), 5, /not 0/],
    ['an unknown currency', edit(6, '2024-03-04,Hotel (two payers),Hotel,90.00,ABC,30.00,-30.00,0.00'), 6, /unknown currency "ABC"/]
  ])('%s: IMPORT_INVALID naming the line, and nothing is written', async (_what, content, line, message) => {
    const groups = (await h.api.ok('listGroups', {}, zoe.token)).items.map((i) => i.id)
    const before = await h.snapshot()
    const r = await h.api.call('importGroup', { clientId: cid(), format: 'splitwise', content }, zoe.token)
    expect(r.status).toBe(400)
    expect(r.body.ok ? null : r.body.error).toMatchObject({ code: 'IMPORT_INVALID', details: { line } })
    expect(r.body.ok ? '' : r.body.error.message).toMatch(new RegExp(`^Line ${line}\\b`))
    expect(r.body.ok ? '' : r.body.error.message).toMatch(message)
    expect((await h.api.ok('listGroups', {}, zoe.token)).items.map((i) => i.id)).toEqual(groups)
    expect(await h.snapshot()).toEqual(before)
  })

  test('a long file (more rows than one insert holds) imports whole', async () => {
    const rows = ['Date,Description,Category,Cost,Currency,Amy,Ben,Cy']
    const totals = [0, 0, 0]
    for (let i = 0; i < 1001; i++) {
      // one of three pays i + 3 fen, shared equally: exact nets
      const cost = i + 3
      const share = Math.floor(cost / 3)
      const payer = i % 3
      // the payer's own share takes the leftover fen: they are owed the two others' shares
      const nets = [0, 1, 2].map((p) => (p === payer ? 2 * share : -share))
      nets.forEach((n, p) => (totals[p]! += n))
      rows.push(`2024-01-${String((i % 28) + 1).padStart(2, '0')},Row ${i},General,${(cost / 100).toFixed(2)},CNY,${nets.map((n) => (n / 100).toFixed(2)).join(',')}`)
    }
    expect(sum({ a: totals[0]!, b: totals[1]!, c: totals[2]! })).toBe(0)
    const out = await h.api.ok('importGroup', { clientId: cid(), format: 'splitwise', content: rows.join('\n') }, zoe.token)
    expect(out.group.expenseCount).toBe(1001)
    expect(byName(out.group)).toEqual({ 'Zoe Import': 0, Amy: totals[0], Ben: totals[1], Cy: totals[2] })
  })

  test('a file over the request size is refused before it is read', async () => {
    const huge = `${FIXTURE}${'x'.repeat(1_100_000)}`
    const r = await h.api.call('importGroup', { clientId: cid(), format: 'splitwise', content: huge }, zoe.token)
    expect([r.status, r.body.ok ? null : r.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
  })
})

describe('limits', () => {
  let small: Harness
  beforeAll(async () => {
    small = await startHarness({ env: { MAX_MEMBERS_PER_GROUP: '3', MAX_EXPENSES_PER_GROUP: '4' } })
  })
  afterAll(async () => {
    await small?.close()
  })

  test('too many people or expenses for a group: refused with the quota codes, nothing written', async () => {
    const me = await small.signIn('Quota')
    const before = await small.snapshot()
    // three people and the importer are four members
    const members = await small.api.call('importGroup', { clientId: cid(), format: 'splitwise', content: FIXTURE }, me.token)
    expect([members.status, members.body.ok ? null : members.body.error.code]).toEqual([409, 'QUOTA_MEMBERS'])
    const more = FIXTURE.replace('\r\n\r\n2024-03-07,Total balance, , ,CNY,164.83,-99.67,-65.16', '\r\n2024-03-08,Extra,General,10.00,CNY,5.00,-5.00,0.00')
    const expenses = await small.api.call('importGroup', { clientId: cid(), format: 'splitwise', content: more, me: 'Bob' }, me.token)
    expect([expenses.status, expenses.body.ok ? null : expenses.body.error.code]).toEqual([409, 'QUOTA_EXPENSES'])
    expect(await small.snapshot()).toEqual(before)
    // the importer in a person's place and four expenses fit
    const fits = await small.api.ok('importGroup', { clientId: cid(), format: 'splitwise', content: FIXTURE, me: 'Bob' }, me.token)
    expect(fits.group.members).toHaveLength(3)
    expect(fits.group.expenseCount).toBe(4)
  })
})
