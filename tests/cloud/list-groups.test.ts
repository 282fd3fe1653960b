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
