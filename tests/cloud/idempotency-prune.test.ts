/**
 * Claims of client ids are kept for the 7-day retry window and pruned after it (opportunistically, by a later
 * mutation), driven by the app clock.
 */
import { cid, startHarness, type Harness } from './harness'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2026-05-01T09:00:00.000Z')
let now = new Date(T0)
let h: Harness
beforeAll(async () => {
  h = await startHarness({ env: { SESSION_TTL_SECONDS: String(90 * 24 * 3600) }, clock: () => now })
})
afterAll(async () => {
  await h?.close()
})

async function claims(): Promise<number> {
  const r = await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM idempotency')
  return Number(r.rows[0].n)
}

test('a retry within 7 days replays; after the window the claim is pruned and the id is fresh again', async () => {
  const ann = await h.signIn('Ann')
  const old = cid('old')
  const first = await h.api.ok('createGroup', { clientId: old, name: 'Old trip' }, ann.token)

  now = new Date(T0 + 2 * DAY)
  const recent = cid('recent')
  const second = await h.api.ok('createGroup', { clientId: recent, name: 'Recent trip' }, ann.token)

  // Day 6.9: still inside the window, even after other mutations ran a prune.
  now = new Date(T0 + 6.9 * DAY)
  await h.api.ok('setWallet', { clientId: cid(), wallet: 'wechat' }, ann.token)
  const replay = await h.api.ok('createGroup', { clientId: old, name: 'Old trip' }, ann.token)
  expect(replay.group.id).toBe(first.group.id)
  expect(await claims()).toBe(3)

  // Day 8: the next mutation prunes every claim made before day 1.
  now = new Date(T0 + 8 * DAY)
  await h.api.ok('setWallet', { clientId: cid(), wallet: 'alipay' }, ann.token)
  const left = await h.app.db.query<{ client_id: string }>('SELECT client_id FROM idempotency ORDER BY created_at')
  expect(left.rows.map((r) => r.client_id)).not.toContain(old)
  expect(left.rows.map((r) => r.client_id)).toContain(recent)
  expect(await claims()).toBe(3)

  // The pruned id is a new request now; the recent one still replays.
  const again = await h.api.ok('createGroup', { clientId: old, name: 'Old trip' }, ann.token)
  expect(again.group.id).not.toBe(first.group.id)
  const recentReplay = await h.api.ok('createGroup', { clientId: recent, name: 'Recent trip' }, ann.token)
  expect(recentReplay.group.id).toBe(second.group.id)
})

test('pruning runs at most once an hour per instance', async () => {
  const bob = await h.signIn('Bob')
  now = new Date(T0 + 20 * DAY)
  await h.api.ok('setWallet', { clientId: cid(), wallet: 'cash' }, bob.token) // prunes (a day has passed)
  const before = await claims()
  // A claim far outside the window that appears ten minutes after a prune stays until the next prune, an hour
  // after the last one.
  now = new Date(T0 + 20 * DAY + 10 * 60 * 1000)
  await h.app.db.query("INSERT INTO idempotency (user_id, client_id, action, result, created_at) VALUES ('u_stale', 'stale_claim', 'setWallet', NULL, $1)", [
    new Date(T0).toISOString()
  ])
  await h.api.ok('setWallet', { clientId: cid(), wallet: 'cash' }, bob.token)
  expect(await claims()).toBe(before + 2)
  now = new Date(T0 + 20 * DAY + 61 * 60 * 1000)
  await h.api.ok('setWallet', { clientId: cid(), wallet: 'cash' }, bob.token)
  const stale = await h.app.db.query("SELECT 1 FROM idempotency WHERE client_id = 'stale_claim'")
  expect(stale.rows).toHaveLength(0)
})
