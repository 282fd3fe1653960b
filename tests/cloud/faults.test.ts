/**
 * Request ids and the app's fault reports. Every error reply carries the request's id; a fault on the function's
 * side is logged under that id (and only the id and a generic message reach the app); reportFault logs the app's
 * report under the id it answers with, accepts no more than its schema allows, and stores nothing.
 */
import { z } from 'zod'
import { defineAction } from '../../cloud/actions/types'
import { startHarness, type Harness, type Reply } from './harness'

let h: Harness
const broken = defineAction('brokenForTest', { input: z.object({}), output: z.object({}) }, { auth: 'none' }, async () => {
  throw new Error('the disk of 小明 is full')
})

beforeAll(async () => {
  h = await startHarness({ actions: [[broken]] })
})
afterAll(async () => {
  await h?.close()
})

/** The error of a refused reply (with the request id every error reply has). */
function errorOf(r: Reply): { code: string; message: string; requestId?: string } {
  if (r.body.ok) throw new Error('expected an error reply')
  return r.body.error as { code: string; message: string; requestId?: string }
}

function logged(spy: jest.SpyInstance): string {
  return spy.mock.calls.map((args) => args.map((a: unknown) => (a instanceof Error ? a.message : String(a))).join(' ')).join('\n')
}

it('an internal fault answers 500 INTERNAL with a request id that is in the log line, and nothing of the cause', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const r = await h.call('brokenForTest', {})
    expect(r.status).toBe(500)
    expect(errorOf(r).code).toBe('INTERNAL')
    expect(errorOf(r).requestId).toMatch(/^r[0-9a-f]{12}$/)
    expect(JSON.stringify(r.body)).not.toContain('小明')
    expect(logged(spy)).toContain(`request ${errorOf(r).requestId}`)
    expect(logged(spy)).toContain('the disk of 小明 is full')
  } finally {
    spy.mockRestore()
  }
})

it('every error reply has its own request id (bad input, unknown action, no session)', async () => {
  const replies = await Promise.all([h.call('createGroup', { name: 'x' }, 'not-a-token'), h.call('noSuchAction', {}), h.call('getGroup', { groupId: 'g1' })])
  const ids = replies.map((r) => errorOf(r).requestId)
  expect(replies.map((r) => r.status)).toEqual([401, 404, 401])
  for (const id of ids) expect(id).toMatch(/^r[0-9a-f]{12}$/)
  expect(new Set(ids).size).toBe(3)
})

it('reportFault logs the report under the request id it answers, before sign-in too, and writes nothing', async () => {
  const spy = jest.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    const before = await h.snapshot()
    const out = await h.api.ok('reportFault', { kind: 'render', message: 'TypeError: x is undefined', stack: 'at A\nat B', route: 'pages/group/index', platform: 'weapp' })
    expect(out.requestId).toMatch(/^r[0-9a-f]{12}$/)
    const line = logged(spy)
    expect(line).toContain(`"request":"${out.requestId}"`)
    expect(line).toContain('"route":"pages/group/index"')
    expect(line).toContain('TypeError: x is undefined')
    expect(await h.snapshot()).toEqual(before)
  } finally {
    spy.mockRestore()
  }
})

it('refuses a report that is not one (unknown kind, oversized message) with INVALID_INPUT', async () => {
  const bad = await h.call('reportFault', { kind: 'panic', message: 'x', route: '', platform: 'weapp' })
  expect([bad.status, errorOf(bad).code]).toEqual([400, 'INVALID_INPUT'])
  const big = await h.call('reportFault', { kind: 'error', message: 'x'.repeat(501), route: '', platform: 'h5' })
  expect([big.status, errorOf(big).code]).toEqual([400, 'INVALID_INPUT'])
})
