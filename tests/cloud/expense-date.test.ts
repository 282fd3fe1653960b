/**
 * An expense without a date is dated "today" for the person adding it: in their IANA time zone, or at their UTC
 * offset, or in UTC when they send neither. A date sent explicitly always wins.
 */
import { cid, equalExpense, startHarness, type Harness } from './harness'

// 23:30 UTC on 31 Dec 2026: already 1 Jan 2027 in Shanghai (UTC+8), still 31 Dec in New York (UTC-5).
const NOW = new Date('2026-12-31T23:30:00.000Z')
let h: Harness
let groupId: string
let me: string
let token: string
beforeAll(async () => {
  h = await startHarness({ clock: () => NOW })
  token = (await h.signIn('Ann')).token
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'New Year' }, token)
  groupId = g.group.id
  me = g.group.me
})
afterAll(async () => {
  await h?.close()
})

const add = (extra: Record<string, unknown>) =>
  h.api.call('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 100, me, [me]), description: 'Fireworks', ...extra }, token)

async function dateOf(extra: Record<string, unknown>): Promise<string> {
  const r = await add(extra)
  if (!r.body.ok) throw new Error(`addExpense failed: ${JSON.stringify(r.body.error)}`)
  return r.body.data.expense.date
}

test('timeZone: today where the sender is', async () => {
  expect(await dateOf({ timeZone: 'Asia/Shanghai' })).toBe('2027-01-01')
  expect(await dateOf({ timeZone: 'America/New_York' })).toBe('2026-12-31')
  expect(await dateOf({ timeZone: 'UTC' })).toBe('2026-12-31')
})

test('utcOffsetMinutes: today at the sender offset', async () => {
  expect(await dateOf({ utcOffsetMinutes: 480 })).toBe('2027-01-01')
  expect(await dateOf({ utcOffsetMinutes: 30 })).toBe('2027-01-01')
  expect(await dateOf({ utcOffsetMinutes: -300 })).toBe('2026-12-31')
})

test('timeZone wins over the offset; an explicit date wins over both; neither means UTC', async () => {
  expect(await dateOf({ timeZone: 'Asia/Shanghai', utcOffsetMinutes: -300 })).toBe('2027-01-01')
  expect(await dateOf({ timeZone: 'Asia/Shanghai', date: '2026-12-25' })).toBe('2026-12-25')
  expect(await dateOf({})).toBe('2026-12-31')
})

test('an unknown zone or an impossible offset is a 400 and writes nothing', async () => {
  const before = await h.snapshot()
  for (const extra of [{ timeZone: 'Mars/Olympus_Mons' }, { timeZone: '../etc/passwd' }, { timeZone: '' }, { utcOffsetMinutes: 900 }, { utcOffsetMinutes: 1.5 }]) {
    const r = await add(extra)
    expect(r.status).toBe(400)
    expect(r.body.ok === false && r.body.error.code).toBe('INVALID_INPUT')
  }
  expect(await h.snapshot()).toEqual(before)
})
