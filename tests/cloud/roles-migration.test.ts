/**
 * Groups created before members had roles: migrating makes each group's creator its organizer, who can then
 * confirm a payment for the receiver over HTTP.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp, type App } from '../../cloud/app'
import { migrate } from '../../cloud/store/migrate'
import { loadMigrations } from '../../cloud/store/migrations'
import type { Db } from '../../cloud/store/db'
import { cid, usingPostgres } from './harness'

const schema = `t_${randomBytes(6).toString('hex')}`
const dataDir = usingPostgres() ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-roles-'))

async function openRaw(): Promise<Db> {
  if (dataDir) return (await import('../../cloud/store/pglite')).openPglite({ dataDir })
  return (await import('../../cloud/store/pg')).openPg({ connectionString: process.env.TEST_DATABASE_URL!, schema })
}

let app: App | undefined
afterAll(async () => {
  await app?.close()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

test('the creator of an existing group becomes its organizer and may confirm for the receiver', async () => {
  // A database as it was before roles (migrations 001 and 002), with one group: Ann created it, Bob and Cy joined,
  // Cy recorded a pending cash payment to Bob.
  const before = loadMigrations().filter((m) => m.version < '003')
  expect(before.map((m) => m.version)).toEqual(['001_init', '002_payments'])
  const raw = await openRaw()
  await migrate(raw, before)
  const at = '2026-01-10T10:00:00.000Z'
  for (const [id, name] of [['u_ann', 'ann'], ['u_bob', 'bob'], ['u_cy', 'cy']]) {
    await raw.query("INSERT INTO users (id, provider, subject, name, created_at) VALUES ($1, 'dev', $2, $2, $3)", [id, name, at])
  }
  // someone who signed in with WeChat and never chose a name (migration 012 has the app ask them)
  await raw.query("INSERT INTO users (id, provider, subject, name, created_at) VALUES ('u_wx', 'wechat', 'o-wx', '微信用户', $1)", [at])
  await raw.query("INSERT INTO groups (id, name, currency, emoji, version, created_by, created_at) VALUES ('g_old', 'Old', 'CNY', 'x', 1, 'u_ann', $1)", [at])
  for (const [i, [id, user]] of [['m_ann', 'u_ann'], ['m_bob', 'u_bob'], ['m_cy', 'u_cy']].entries()) {
    await raw.query("INSERT INTO members (id, group_id, name, user_id, position, created_at) VALUES ($1, 'g_old', $2, $2, $3, $4)", [id, user, i, at])
  }
  await raw.query(
    "INSERT INTO payments (id, group_id, from_member, to_member, amount, method, status, recorded_by, created_at) VALUES ('p_old', 'g_old', 'm_cy', 'm_bob', 500, 'cash', 'pending', 'm_cy', $1)",
    [at]
  )
  await raw.query("INSERT INTO activity (group_id, version, kind, actor_member, actor_name, data, at) VALUES ('g_old', 1, 'payment.record', 'm_cy', 'cy', '{}'::jsonb, $1)", [at])
  await raw.close()

  // The function starts on it: the remaining migrations run.
  app = await createApp({
    env: { SPLITPAY_MODE: 'dev', ...(dataDir ? { PGLITE_DIR: dataDir } : {}) },
    databaseUrl: dataDir ? undefined : process.env.TEST_DATABASE_URL,
    schema: dataDir ? undefined : schema
  })
  const { url } = await app.listen(0)
  const chosen = await app.db.query<{ id: string; name_chosen: boolean }>('SELECT id, name_chosen FROM users ORDER BY id')
  expect(chosen.rows).toEqual([
    { id: 'u_ann', name_chosen: true },
    { id: 'u_bob', name_chosen: true },
    { id: 'u_cy', name_chosen: true },
    { id: 'u_wx', name_chosen: false }
  ])
  const call = async (action: string, input: unknown, token?: string) => {
    const res = await fetch(`${url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, input })
    })
    return { status: res.status, body: await res.json() }
  }
  const ann = (await call('signIn', { provider: 'dev', name: 'Ann' })).body.data.token as string
  const g = await call('getGroup', { groupId: 'g_old' }, ann)
  expect(g.status).toBe(200)
  expect(Object.fromEntries(g.body.data.group.members.map((m: { id: string; role: string }) => [m.id, m.role]))).toEqual({
    m_ann: 'organizer',
    m_bob: 'member',
    m_cy: 'member'
  })
  const conf = await call('confirmPayment', { groupId: 'g_old', clientId: cid(), paymentId: 'p_old' }, ann)
  expect(conf.status).toBe(200)
  expect(conf.body.data.payment).toMatchObject({ status: 'confirmed', confirmedBy: 'm_ann' })
})
