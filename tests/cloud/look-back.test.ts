/**
 * Looking back: groupStats sums every expense of the period in the function (paging past STATS_PAGE rows), in the
 * group currency, consistent with the balances and with the domain; getExpense returns an expense with its whole
 * history (before and after of each edit), deleted ones too, to members only.
 */
import { computeBalances, type Expense } from '../../src/domain'
import { groupStatistics } from '../../src/domain/stats'
import { STATS_PAGE } from '../../cloud/actions/look-back'
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function newGroup() {
  const owner = await h.signIn(`小明 ${cid()}`)
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '旅行', currency: 'CNY', emoji: '✈️', placeholders: ['小红', '小张'] }, owner.token)
  const [me, red, zhang] = group.members.map((m) => m.id)
  return { owner, group, me: me!, red: red!, zhang: zhang! }
}

const add = (groupId: string, token: string, expense: Expense, category: string, date: string, description = category) =>
  h.api.ok('addExpense', { groupId, clientId: cid(), expense, description, category, date }, token)

describe('groupStats', () => {
  test('by category, member and month, in the group currency; equal to the domain over the same expenses; paid - consumed is the balance', async () => {
    const { owner, group, me, red, zhang } = await newGroup()
    const items: Array<{ expense: Expense; category: string; date: string }> = [
      { expense: equalExpense(`e_${cid()}`, 30000, me, [me, red, zhang]), category: 'food', date: '2026-01-05' },
      { expense: { id: `e_${cid()}`, amount: 12000, currency: 'JPY', rate: '0.0485', paidBy: { [red]: 12000 }, split: { mode: 'exact', amounts: { [me]: 5000, [red]: 7000 } } }, category: 'food', date: '2026-02-11' },
      { expense: { id: `e_${cid()}`, amount: 9001, paidBy: { [zhang]: 9001 }, split: { mode: 'shares', shares: { [me]: 2, [zhang]: 1 } } }, category: 'stay', date: '2026-03-01' },
      { expense: { id: `e_${cid()}`, amount: -3000, paidBy: { [me]: -3000 }, split: { mode: 'equal', members: [me, red, zhang] } }, category: 'stay', date: '2026-03-20' }
    ]
    for (const it of items) await add(group.id, owner.token, it.expense, it.category, it.date)
    // a deleted expense counts nowhere
    const gone = equalExpense(`e_${cid()}`, 50000, me, [me, red])
    const { version } = await add(group.id, owner.token, gone, 'fun', '2026-03-02')
    await h.api.ok('deleteExpense', { groupId: group.id, clientId: cid(), expenseId: gone.id, expectedVersion: version }, owner.token)

    const stats = await h.api.ok('groupStats', { groupId: group.id }, owner.token)
    const domain = groupStatistics(items, 'CNY', [me, red, zhang])
    expect(stats).toEqual({ ...domain, from: null, to: null, mine: domain.byMember.find((m) => m.memberId === me) })
    // 12000 JPY at 0.0485 is 582.00 CNY
    expect(stats.total).toBe(30000 + 58200 + 9001 - 3000)
    expect(stats.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03'])
    const { group: now } = await h.api.ok('getGroup', { groupId: group.id }, owner.token)
    for (const m of stats.byMember) expect(m.paid - m.consumed).toBe(now.balances[m.memberId])

    // a period: both ends included
    const march = await h.api.ok('groupStats', { groupId: group.id, from: '2026-03-01', to: '2026-03-31' }, owner.token)
    expect(march).toMatchObject({ from: '2026-03-01', to: '2026-03-31', total: 9001 - 3000, count: 2 })
    expect(march.byCategory).toEqual([{ category: 'stay', total: 6001, count: 2 }])
    const upTo = await h.api.ok('groupStats', { groupId: group.id, to: '2026-01-05' }, owner.token)
    expect(upTo.total).toBe(30000)
  })

  test(`pages through more than ${STATS_PAGE} expenses`, async () => {
    const { owner, group, me, red } = await newGroup()
    const n = STATS_PAGE + 7
    const expenses = Array.from({ length: n }, (_, i) => ({ ...equalExpense(`e_${cid()}`, 100 + i, i % 2 ? me : red, [me, red]) }))
    // straight into the table (through the action would take minutes); the balances are not read here
    await h.app.db.query(
      `INSERT INTO expenses (id, group_id, data, amount, description, category, date, created_by, created_at, updated_at)
       SELECT x->>'id', $1, x, (x->>'amount')::bigint, 'x', CASE WHEN (x->>'amount')::bigint % 2 = 0 THEN 'food' ELSE 'fun' END, '2026-05-01', $2, now(), now()
       FROM jsonb_array_elements($3::jsonb) AS x`,
      [group.id, me, JSON.stringify(expenses)]
    )
    const stats = await h.api.ok('groupStats', { groupId: group.id }, owner.token)
    expect(stats.count).toBe(n)
    expect(stats.total).toBe(expenses.reduce((a, e) => a + e.amount, 0))
    expect(stats.byCategory.find((c) => c.category === 'food')!.count).toBe(expenses.filter((e) => e.amount % 2 === 0).length)
    expect(computeBalances({ members: [me, red], expenses, payments: [] })[me]).toBe(stats.byMember.find((m) => m.memberId === me)!.paid - stats.byMember.find((m) => m.memberId === me)!.consumed)
  })

  test('bad periods and strangers are refused with stable codes', async () => {
    const { owner, group } = await newGroup()
    const bad = await h.api.call('groupStats', { groupId: group.id, from: '2026-04-01', to: '2026-03-01' }, owner.token)
    expect([bad.status, bad.body.ok === false && bad.body.error.code]).toEqual([400, 'INVALID_INPUT'])
    const badDate = await h.api.call('groupStats', { groupId: group.id, from: '2026-02-30' }, owner.token)
    expect(badDate.body.ok === false && badDate.body.error.code).toBe('INVALID_INPUT')
    const stranger = await h.signIn(`路人 ${cid()}`)
    const r = await h.api.call('groupStats', { groupId: group.id }, stranger.token)
    expect([r.status, r.body.ok === false && r.body.error.code]).toEqual([403, 'NOT_MEMBER'])
  })
})

describe('getExpense', () => {
  test('the expense with every change, newest first, with before and after; deleted ones too', async () => {
    const { owner, group, me, red } = await newGroup()
    const first = equalExpense(`e_${cid()}`, 6000, me, [me, red])
    await add(group.id, owner.token, first, 'food', '2026-06-01', '晚饭')
    // another expense's entries stay out of this history
    await add(group.id, owner.token, equalExpense(`e_${cid()}`, 100, me, [me, red]), 'food', '2026-06-01')
    const edited = { ...first, amount: 7500, paidBy: { [red]: 7500 } }
    const e1 = await h.api.ok('editExpense', { groupId: group.id, clientId: cid(), expense: edited, description: '烧烤', category: 'fun' }, owner.token)
    const got = await h.api.ok('getExpense', { groupId: group.id, expenseId: first.id }, owner.token)
    expect(got.expense).toMatchObject({ id: first.id, description: '烧烤', category: 'fun', expense: edited, shares: { [me]: 3750, [red]: 3750 } })
    expect(got.deletedAt).toBeNull()
    expect(got.history.map((a) => a.kind)).toEqual(['expense.edit', 'expense.add'])
    expect(got.history[0]!.data).toMatchObject({
      before: { description: '晚饭', amount: 6000, category: 'food', expense: first },
      after: { description: '烧烤', amount: 7500, category: 'fun', expense: edited }
    })
    await h.api.ok('deleteExpense', { groupId: group.id, clientId: cid(), expenseId: first.id, expectedVersion: e1.version }, owner.token)
    const deleted = await h.api.ok('getExpense', { groupId: group.id, expenseId: first.id }, owner.token)
    expect(deleted.deletedAt).not.toBeNull()
    expect(deleted.history.map((a) => a.kind)).toEqual(['expense.delete', 'expense.edit', 'expense.add'])
  })

  test('unknown expenses and strangers are refused', async () => {
    const { owner, group, me, red } = await newGroup()
    const e = equalExpense(`e_${cid()}`, 600, me, [me, red])
    await add(group.id, owner.token, e, 'food', '2026-06-01')
    const missing = await h.api.call('getExpense', { groupId: group.id, expenseId: 'nope' }, owner.token)
    expect([missing.status, missing.body.ok === false && missing.body.error.code]).toEqual([404, 'NOT_FOUND'])
    const stranger = await h.signIn(`路人 ${cid()}`)
    const r = await h.api.call('getExpense', { groupId: group.id, expenseId: e.id }, stranger.token)
    expect([r.status, r.body.ok === false && r.body.error.code]).toEqual([403, 'NOT_MEMBER'])
    // another group's expense is not found through this group
    const other = await newGroup()
    const r2 = await h.api.call('getExpense', { groupId: other.group.id, expenseId: e.id }, other.owner.token)
    expect(r2.body.ok === false && r2.body.error.code).toBe('NOT_FOUND')
  })
})
