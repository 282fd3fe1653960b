/** 50 clients add expenses to one group at once, each request sent more than once: stored exactly once. */
import { computeBalances, type Expense } from '../../src/domain'
import { cid, equalExpense, startHarness, sum, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

test('50 concurrent clients with retries: every expense exactly once, balances sum to 0, versions consistent', async () => {
  const owner = await h.signIn('Host')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Party' }, owner.token)
  const groupId = g.group.id
  const { token: invite } = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  const clients = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const s = await h.signIn(`Guest ${i}`)
      const joined = await h.api.ok('joinGroup', { clientId: cid(), token: invite }, s.token)
      return { token: s.token, member: joined.group.me as string }
    })
  )
  const members = (await h.api.ok('getGroup', { groupId }, owner.token)).group.members.map((m) => m.id)
  expect(members).toHaveLength(51)
  const versionBefore = (await h.api.ok('getGroup', { groupId }, owner.token)).group.version

  const PER_CLIENT = 3
  const sent = clients.flatMap((c, i) =>
    Array.from({ length: PER_CLIENT }, (_, k) => ({
      token: c.token,
      input: {
        groupId,
        clientId: cid(`k${i}_${k}`),
        expense: equalExpense(`e_${cid()}`, 1001 + i * 7 + k, c.member, members.filter((_m: string, j: number) => (j + i + k) % 3 !== 0)),
        description: `Round ${k} by ${i}`
      }
    }))
  )
  // Every request twice at once, and a third time after the first answers (a client retrying on timeout).
  const replies = await Promise.all(
    sent.map(async (req) => {
      const [a, b] = await Promise.all([h.api.call('addExpense', req.input, req.token), h.api.call('addExpense', req.input, req.token)])
      const c = await h.api.call('addExpense', req.input, req.token)
      return [a, b, c]
    })
  )
  for (const [a, b, c] of replies) {
    expect(a.status).toBe(200)
    expect(b).toEqual(a)
    expect(c).toEqual(a)
  }
  const rows = await h.app.db.query<{ id: string }>('SELECT id FROM expenses WHERE group_id = $1', [groupId])
  expect(rows.rows).toHaveLength(sent.length)
  expect(new Set(rows.rows.map((r) => r.id))).toEqual(new Set(sent.map((s) => s.input.expense.id)))

  const after = (await h.api.ok('getGroup', { groupId }, owner.token)).group
  expect(after.version).toBe(versionBefore + sent.length)
  expect(after.expenseCount).toBe(sent.length)
  expect(sum(after.balances)).toBe(0)
  expect(after.totalSpent).toBe(sent.reduce((a, s) => a + s.input.expense.amount, 0))
  // Each reply's version is distinct: no two adds were given the same version.
  const versions = replies.map(([a]) => (a.body.ok ? a.body.data.version : -1))
  expect(new Set(versions).size).toBe(sent.length)
  const acts = await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM activity WHERE group_id = $1', [groupId])
  expect(Number(acts.rows[0].n)).toBe(after.version)
  // The served balances (cached and moved forward add by add) equal a recomputation from every stored expense.
  const all: Expense[] = []
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof h.api.ok<'listExpenses'>>> = await h.api.ok('listExpenses', { groupId, limit: 100, ...(cursor ? { cursor } : {}) }, owner.token)
    all.push(...page.items.map((e) => e.expense))
    cursor = page.nextCursor
  } while (cursor)
  expect(all).toHaveLength(sent.length)
  expect(after.balances).toEqual(computeBalances({ members, expenses: all, payments: [], currency: 'CNY' }))
}, 120_000)

test('concurrent edits with the same expectedVersion: exactly one wins, the others get 409', async () => {
  const a = await h.signIn('Editor A')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Edits' }, a.token)
  const groupId = g.group.id
  const id = `e_${cid()}`
  const added = await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(id, 100, g.group.me, [g.group.me]), description: 'v1' }, a.token)
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      h.api.call('editExpense', { groupId, clientId: cid(), expectedVersion: added.version, expense: equalExpense(id, 200 + i, g.group.me, [g.group.me]), description: `edit ${i}` }, a.token)
    )
  )
  expect(results.filter((r) => r.status === 200)).toHaveLength(1)
  expect(results.filter((r) => r.status === 409)).toHaveLength(9)
  const winner = results.find((r) => r.status === 200)!.body
  if (!winner.ok) throw new Error('no winner')
  const list = await h.api.ok('listExpenses', { groupId }, a.token)
  expect(list.items[0].expense.amount).toBe(winner.data.expense.expense.amount)
})
