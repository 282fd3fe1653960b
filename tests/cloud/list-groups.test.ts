/** listGroups pages through every group (cursor + limit, like listExpenses): no silent cap. */
import { cid, startHarness, type Harness } from './harness'

let h: Harness
let now = new Date('2026-03-01T08:00:00.000Z')
beforeAll(async () => {
  h = await startHarness({ clock: () => now })
})
afterAll(async () => {
  await h?.close()
})

const COUNT = 53

test(`${COUNT} groups: the old call shape gets the first page of 50 and a cursor; following it reaches every group once`, async () => {
  const ann = await h.signIn('Ann')
  const created: string[] = []
  for (let i = 0; i < COUNT; i++) {
    // Several groups share a creation instant, so the order falls back to the id.
    if (i % 3 === 0) now = new Date(now.getTime() + 1000)
    created.push((await h.api.ok('createGroup', { clientId: cid(), name: `Group ${i}` }, ann.token)).group.id)
  }
  // Someone else's group is never listed.
  const bob = await h.signIn('Bob')
  const bobs = (await h.api.ok('createGroup', { clientId: cid(), name: 'Bob only' }, bob.token)).group.id

  const first = await h.api.ok('listGroups', {}, ann.token)
  expect(first.items).toHaveLength(50)
  expect(first.nextCursor).toEqual(expect.any(String))

  const seen = [...first.items]
  let cursor = first.nextCursor
  let pages = 1
  while (cursor) {
    const page = await h.api.ok('listGroups', { cursor, limit: 7 }, ann.token)
    expect(page.items.length).toBeLessThanOrEqual(7)
    seen.push(...page.items)
    cursor = page.nextCursor
    pages++
  }
  expect(pages).toBe(2)
  const ids = seen.map((g) => g.id)
  expect(new Set(ids).size).toBe(COUNT)
  expect([...ids].sort()).toEqual([...created].sort())
  expect(ids).not.toContain(bobs)
  // Newest first.
  const times = seen.map((g) => Date.parse(g.createdAt))
  expect(times).toEqual([...times].sort((a, b) => b - a))
})

test('small pages walk the same order as one big page', async () => {
  const ann = await h.signIn('Ann')
  const all = await h.api.ok('listGroups', { limit: 100 }, ann.token)
  expect(all.nextCursor).toBeNull()
  const walked: string[] = []
  let cursor: string | null = null
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await h.api.ok('listGroups', cursor ? { cursor, limit: 4 } : { limit: 4 }, ann.token)
    walked.push(...page.items.map((g) => g.id))
    cursor = page.nextCursor
  } while (cursor)
  expect(walked).toEqual(all.items.map((g) => g.id))
})

test('a malformed cursor or limit is a 400, not a crash', async () => {
  const ann = await h.signIn('Ann')
  for (const input of [{ cursor: 'bm90IGpzb24' }, { cursor: Buffer.from('["x","y"]').toString('base64url') }, { limit: 0 }, { limit: 101 }]) {
    const r = await h.api.call('listGroups', input, ann.token)
    expect(r.status).toBe(400)
    expect(r.body.ok === false && r.body.error.code).toBe('INVALID_INPUT')
  }
})

test('the first page carries my totals across every group, per currency, never converted', async () => {
  const me = await h.signIn('Totals')
  const friend = await h.signIn('Friend')
  /** A group where `payer` paid `amount` split equally by me and the friend. */
  async function shared(currency: string, amount: number, iPaid: boolean) {
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: `${currency} ${amount}`, currency }, me.token)
    const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, me.token)
    const joined = await h.api.ok('joinGroup', { clientId: cid(), token }, friend.token)
    const [mine, theirs] = [group.me, joined.group.me]
    const payer = iPaid ? mine : theirs
    const expense = { id: `e_${cid()}`, amount, paidBy: { [payer]: amount }, split: { mode: 'equal' as const, members: [mine, theirs] } }
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense, description: 'x' }, me.token)
    return group.id
  }
  const empty = await h.api.ok('listGroups', {}, me.token)
  expect(empty.totals).toEqual([])

  await shared('CNY', 3000, false) // I owe 15.00
  await shared('CNY', 1001, false) // I owe 5.00 or 5.01 (the rotation decides the odd fen)
  await shared('CNY', 8000, true) // I am owed 40.00
  await shared('JPY', 1200, true) // I am owed 600 yen
  const settled = await shared('CNY', 500, true)
  const groupId = settled
  const view = (await h.api.ok('getGroup', { groupId }, friend.token)).group
  await h.api.ok('recordPayment', { groupId, clientId: cid(), from: view.me, to: view.members.find((m) => m.id !== view.me)!.id, amount: 250 }, me.token)

  // a page of one group still totals all six
  const first = await h.api.ok('listGroups', { limit: 1 }, me.token)
  expect(first.items).toHaveLength(1)
  const cny = first.totals!.find((t) => t.currency === 'CNY')!
  const balances = await Promise.all(
    (await h.api.ok('listGroups', { limit: 100 }, me.token)).items.filter((g) => g.currency === 'CNY').map((g) => g.myBalance)
  )
  expect(cny).toEqual({
    currency: 'CNY',
    owe: -balances.filter((b) => b < 0).reduce((a, b) => a + b, 0),
    owed: balances.filter((b) => b > 0).reduce((a, b) => a + b, 0),
    groups: 3
  })
  expect(cny.owe === 2000 || cny.owe === 2001).toBe(true)
  expect(cny.owed).toBe(4000)
  expect(first.totals!.find((t) => t.currency === 'JPY')).toEqual({ currency: 'JPY', owe: 0, owed: 600, groups: 1 })
  expect(first.totals!.map((t) => t.currency)).toEqual(['CNY', 'JPY'])
  // later pages do not repeat them
  const next = await h.api.ok('listGroups', { cursor: first.nextCursor!, limit: 1 }, me.token)
  expect(next.totals).toBeUndefined()
})
