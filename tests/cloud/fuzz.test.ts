/**
 * Bad input: arbitrary JSON to every action gets a 4xx (never a 5xx), and the database is unchanged afterwards.
 */
import fc from 'fast-check'
import { actions } from '../../src/api'
import { cid, equalExpense, startHarness, sum, type Harness } from './harness'

let h: Harness
let token: string
let groupId: string
let me: string

beforeAll(async () => {
  h = await startHarness()
  actionNames = [...h.app.handler.actions.keys()]
  expect(actionNames.length).toBeGreaterThanOrEqual(21)
  const s = await h.signIn('Fuzzer')
  token = s.token
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Fuzz', placeholders: ['P'] }, token)
  groupId = g.group.id
  me = g.group.me
  await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 999, me, g.group.members.map((m) => m.id)), description: 'seed' }, token)
  // a read stores the plan of the group's current version (the plan a group shows is kept): store it now, so that
  // the harmless reads below find it and write nothing
  await h.api.ok('getGroup', { groupId }, token)
})
afterAll(async () => {
  await h?.close()
})

/** Every registered action (the core set and the payment actions). */
let actionNames: string[] = []
/** Actions whose input has no required field (their schema accepts {}): any object is a valid (read-only) request. */
const acceptsAnyObject = new Set(Object.entries(actions).flatMap(([name, schemas]) => (schemas.input.safeParse({}).success ? [name] : [])))

const nasty = fc.oneof(
  fc.constantFrom('', '\u0000', '\uD800', '🏔️'.repeat(50), 'x'.repeat(5000), '__proto__', 'constructor', "'; DROP TABLE users; --", '${7*7}', '<script>', '-1', '1e309', 'NaN'),
  fc.string({ unit: 'binary', maxLength: 40 })
)
const numbers = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 53, -(2 ** 53), 1e300, -0, 0.1))
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nasty, numbers, fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(nasty, tie('value'), { maxKeys: 4 }))
})).value

test('arbitrary JSON inputs to every action: 4xx, never 5xx; nothing written', async () => {
  const before = await h.snapshot()
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...actionNames, 'noSuchAction'), fc.oneof(fc.jsonValue(), jsonish), async (action, input) => {
      const r = await h.api.call(action, input, token)
      expect(r.status).toBeLessThan(500)
      // Input-less reads accept any object (unknown keys are dropped) or no input (null); everything else is refused.
      const harmless = acceptsAnyObject.has(action) && (input === null || (typeof input === 'object' && !Array.isArray(input)))
      if (!harmless) {
        expect(r.status).toBeGreaterThanOrEqual(400)
        expect(r.body.ok).toBe(false)
        expect(r.body.ok === false && typeof r.body.error.code).toBe('string')
      }
    }),
    { numRuns: 600 }
  )
  expect(await h.snapshot()).toEqual(before)
})

test('near-valid inputs (real ids, wrong types and values in each field): never 5xx, ledger stays consistent', async () => {
  const fieldNames = ['groupId', 'clientId', 'expense', 'description', 'category', 'date', 'expectedVersion', 'expenseId', 'from', 'to', 'amount', 'method', 'paymentId', 'inviteId', 'token', 'memberId', 'claimMemberId', 'name', 'cursor', 'limit', 'format', 'wallet', 'qrImage', 'locale', 'currency', 'emoji', 'placeholders', 'provider', 'code']
  const expenseish = fc.record(
    {
      id: fc.oneof(fc.constant(`e_${cid()}`), nasty),
      amount: fc.oneof(numbers, nasty),
      currency: fc.oneof(fc.constantFrom('CNY', 'JPY', 'XXX', 'cny'), nasty),
      rate: fc.oneof(fc.constantFrom('0.05', '-1', '0', '1e3', 'abc'), numbers),
      paidBy: fc.oneof(fc.constant({ [me]: 100 }), fc.dictionary(fc.oneof(fc.constant(me), nasty), fc.oneof(numbers, nasty))),
      split: fc.oneof(
        fc.record({ mode: fc.constantFrom('equal', 'shares', 'percent', 'exact', 'adjust', 'other'), members: fc.array(fc.oneof(fc.constant(me), nasty)) }),
        fc.record({ mode: fc.constant('percent'), basisPoints: fc.dictionary(fc.oneof(fc.constant(me), nasty), numbers) }),
        jsonish
      )
    },
    { requiredKeys: [] }
  )
  const value = fc.oneof(fc.constant(groupId), fc.constant(me), fc.constant(cid()), expenseish, jsonish, numbers)
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...actionNames), fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 8 }), async (action, input) => {
      const r = await h.api.call(action, input, token)
      expect(r.status).toBeLessThan(500)
    }),
    { numRuns: 600 }
  )
  const g = (await h.api.ok('getGroup', { groupId }, token)).group
  expect(sum(g.balances)).toBe(0)
  const acts = await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM activity WHERE group_id = $1', [groupId])
  expect(Number(acts.rows[0].n)).toBe(g.version)
})

test('malformed bodies: not JSON, wrong envelope, prototype keys, deep nesting, huge, bad bytes: 4xx and nothing written', async () => {
  const before = await h.snapshot()
  const auth = { authorization: `Bearer ${token}` }
  const bodies: (string | Buffer)[] = [
    '',
    '{',
    'null',
    '[]',
    '"getGroup"',
    '{"action": 42}',
    '{"action": "getGroup", "input": "x"}',
    '{"action": "__proto__", "input": {}}',
    '{"action": "constructor", "input": {}}',
    '{"action": "toString", "input": {}}',
    '{"__proto__": {"isAdmin": true}, "action": "getMe"}',
    `{"action": "addExpense", "input": {"groupId": "${groupId}", "clientId": "abcdefgh123", "description": "p", "expense": {"id": "e_proto", "amount": 100, "paidBy": {"__proto__": 100}, "split": {"mode": "equal", "members": ["${me}"]}}}}`,
    `{"action": "addMember", "input": {"groupId": "${groupId}", "clientId": "abcdefgh124", "name": "nul\\u0000name"}}`,
    '['.repeat(100000) + ']'.repeat(100000),
    '{"a":'.repeat(50000) + '1' + '}'.repeat(50000),
    Buffer.from([0x7b, 0x22, 0x61, 0xff, 0xfe, 0x22, 0x7d]),
    `{"action": "addExpense", "input": {"groupId": "${groupId}", "clientId": "abcdefgh125", "description": "${'x'.repeat(2_000_000)}"}}`
  ]
  for (const body of bodies) {
    const r = await h.raw(body, auth)
    expect([String(body).slice(0, 60), r.status >= 400 && r.status < 500]).toEqual([String(body).slice(0, 60), true])
    expect(JSON.parse(r.text).ok).toBe(false)
  }
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  expect(await h.snapshot()).toEqual(before)
  const big = await h.raw(`{"action":"getMe","input":{"x":"${'y'.repeat(1_100_000)}"}}`, auth)
  expect(big.status).toBe(413)
})
