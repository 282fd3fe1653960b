/**
 * Rate limits (per user and per address, counted in the database so every instance shares them) and quotas
 * (groups per person, members per group, expenses per group): each answered with its own code, nothing written.
 */
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness({
    env: { RATE_LIMIT_USER: '12', RATE_LIMIT_ADDRESS: '40', RATE_LIMIT_WINDOW_MS: '60000', MAX_GROUPS_PER_USER: '3', MAX_MEMBERS_PER_GROUP: '4', MAX_EXPENSES_PER_GROUP: '2' }
  })
})
afterAll(async () => {
  await h?.close()
})

test('a user over the limit gets 429 RATE_LIMITED with Retry-After; another user is not slowed by them', async () => {
  const fast = await h.signIn('Fast')
  const statuses: number[] = []
  let retryAfter: string | null = null
  for (let i = 0; i < 15; i++) {
    const res = await fetch(`${h.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${fast.token}` }, body: JSON.stringify({ action: 'getMe', input: {} }) })
    statuses.push(res.status)
    if (res.status === 429) {
      retryAfter = res.headers.get('retry-after')
      const body = (await res.json()) as { error: { code: string } }
      expect(body.error.code).toBe('RATE_LIMITED')
    }
  }
  // signIn counted for the address only; 12 getMe pass, the rest are refused
  expect(statuses.filter((s) => s === 200)).toHaveLength(12)
  expect(statuses.slice(12)).toEqual([429, 429, 429])
  expect(Number(retryAfter)).toBeGreaterThan(0)
  expect(Number(retryAfter)).toBeLessThanOrEqual(60)
  const calm = await h.signIn('Calm')
  expect((await h.api.call('getMe', {}, calm.token)).status).toBe(200)
  // the counters live in the database (shared by every instance of the function)
  const rows = await h.app.db.query<{ key: string; hits: number }>("SELECT key, hits FROM rate_limits WHERE key LIKE 'u:%' ORDER BY hits DESC LIMIT 1")
  expect(rows.rows[0]!.hits).toBe(15)
})

test('the address limit covers requests without a session too', async () => {
  let limited = 0
  for (let i = 0; i < 45; i++) {
    const r = await h.api.call('signIn', { provider: 'dev', name: `Many ${i}` })
    if (r.status === 429) limited++
  }
  expect(limited).toBeGreaterThan(0)
})

describe('quotas', () => {
  // a fresh function (the address above is spent for this window)
  let q: Harness
  beforeAll(async () => {
    q = await startHarness({ env: { MAX_GROUPS_PER_USER: '3', MAX_MEMBERS_PER_GROUP: '4', MAX_EXPENSES_PER_GROUP: '2' } })
  })
  afterAll(async () => {
    await q?.close()
  })

  const code = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'ok' : r.body.error!.code)

  test('groups per person, members per group, expenses per group', async () => {
    const ann = await q.signIn('Ann')
    const bob = await q.signIn('Bob')
    const g1 = await q.api.ok('createGroup', { clientId: cid(), name: 'One', placeholders: ['P1', 'P2'] }, ann.token)
    expect(code(await q.api.call('createGroup', { clientId: cid(), name: 'Big', placeholders: ['A', 'B', 'C', 'D'] }, ann.token))).toBe('QUOTA_MEMBERS')
    await q.api.ok('createGroup', { clientId: cid(), name: 'Two' }, ann.token)
    await q.api.ok('createGroup', { clientId: cid(), name: 'Three' }, ann.token)
    expect(code(await q.api.call('createGroup', { clientId: cid(), name: 'Four' }, ann.token))).toBe('QUOTA_GROUPS')
    // members: Ann, P1, P2 + one more is 4
    await q.api.ok('addMember', { groupId: g1.group.id, clientId: cid(), name: 'P3' }, ann.token)
    expect(code(await q.api.call('addMember', { groupId: g1.group.id, clientId: cid(), name: 'P4' }, ann.token))).toBe('QUOTA_MEMBERS')
    const { token } = await q.api.ok('createInvite', { groupId: g1.group.id, clientId: cid() }, ann.token)
    const joinFull = await q.snapshot()
    expect(code(await q.api.call('joinGroup', { clientId: cid(), token }, bob.token))).toBe('QUOTA_MEMBERS')
    expect(await q.snapshot()).toEqual(joinFull)
    // expenses
    const me = g1.group.me
    for (let i = 0; i < 2; i++) await q.api.ok('addExpense', { groupId: g1.group.id, clientId: cid(), expense: equalExpense(`e${i}`, 100, me, [me]), description: 'x' }, ann.token)
    const third = await q.api.call('addExpense', { groupId: g1.group.id, clientId: cid(), expense: equalExpense('e2', 100, me, [me]), description: 'x' }, ann.token)
    expect(third.status).toBe(409)
    expect(code(third)).toBe('QUOTA_EXPENSES')
    // deleting one makes room again
    await q.api.ok('deleteExpense', { groupId: g1.group.id, clientId: cid(), expenseId: 'e0' }, ann.token)
    expect(code(await q.api.call('addExpense', { groupId: g1.group.id, clientId: cid(), expense: equalExpense('e3', 100, me, [me]), description: 'x' }, ann.token))).toBe('ok')
  })
})
