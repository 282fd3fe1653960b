/** Authentication and authorization: tokens, membership, dev sign-in, invites. */
import { createHmac, randomBytes } from 'node:crypto'
import { cid, equalExpense, startHarness, usingPostgres, type Harness } from './harness'

const SECRET = 'a-test-session-secret-of-more-than-32-characters'
let now = new Date('2026-11-20T10:00:00Z')
let h: Harness
let owner: { token: string; user: { id: string } }
let outsider: { token: string; user: { id: string } }
let groupId: string
let ownerM: string
let expenseId: string
let inviteId: string
let paymentId: string
let placeholder: string
let receiptId: string
/** A 1x1 JPEG. */
const JPEG_URL =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z'

beforeAll(async () => {
  h = await startHarness({ env: { SESSION_SECRET: SECRET, SESSION_TTL_SECONDS: '3600' }, clock: () => now })
  owner = await h.signIn('Owner')
  outsider = await h.signIn('Outsider')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Private', placeholders: ['Pat'] }, owner.token)
  groupId = g.group.id
  ownerM = g.group.me
  placeholder = g.group.members.find((m) => m.name === 'Pat')!.id
  expenseId = `e_${cid()}`
  await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(expenseId, 1000, ownerM, [ownerM, placeholder]), description: 'Lunch' }, owner.token)
  inviteId = (await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)).inviteId
  receiptId = (await h.api.ok('addReceipt', { groupId, clientId: cid(), expenseId, image: JPEG_URL, thumb: JPEG_URL }, owner.token)).receipt.id
  paymentId = (await h.api.ok('recordPayment', { groupId, clientId: cid(), from: placeholder, to: ownerM, amount: 100 }, owner.token)).payment.id
})
afterAll(async () => {
  await h?.close()
})

const groupActions = (): [string, Record<string, unknown>][] => [
  ['getGroup', { groupId }],
  ['listExpenses', { groupId }],
  ['addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 500, ownerM, [ownerM]), description: 'Sneaky' }],
  ['editExpense', { groupId, clientId: cid(), expense: equalExpense(expenseId, 1, ownerM, [ownerM]) }],
  ['deleteExpense', { groupId, clientId: cid(), expenseId }],
  ['recordPayment', { groupId, clientId: cid(), from: placeholder, to: ownerM, amount: 100 }],
  ['confirmPayment', { groupId, clientId: cid(), paymentId }],
  ['withdrawPayment', { groupId, clientId: cid(), paymentId }],
  ['rejectPayment', { groupId, clientId: cid(), paymentId, reason: 'not here' }],
  ['payOptions', { groupId }],
  ['createInvite', { groupId, clientId: cid() }],
  ['revokeInvite', { groupId, clientId: cid(), inviteId }],
  ['addMember', { groupId, clientId: cid(), name: 'Mallory' }],
  ['updateGroup', { groupId, clientId: cid(), name: 'Owned' }],
  ['handOverOrganizer', { groupId, clientId: cid(), memberId: ownerM }],
  ['renameMember', { groupId, clientId: cid(), memberId: placeholder, name: 'Mallory' }],
  ['removeMember', { groupId, clientId: cid(), memberId: placeholder }],
  ['leaveGroup', { groupId, clientId: cid() }],
  ['archiveGroup', { groupId, clientId: cid(), archived: true }],
  ['deleteGroup', { groupId, clientId: cid() }],
  ['remindTransfers', { groupId, clientId: cid() }],
  ['markSeen', { groupId, version: 1 }],
  ['inviteLink', { groupId, token: 'AAAAAAAAAAAAAAAAAAAAAA' }],
  ['claimMember', { groupId, clientId: cid(), memberId: placeholder }],
  ['listActivity', { groupId }],
  ['exportGroup', { groupId, format: 'json' }],
  ['groupStats', { groupId }],
  ['getExpense', { groupId, expenseId }],
  ['addReceipt', { groupId, clientId: cid(), expenseId, image: JPEG_URL, thumb: JPEG_URL }],
  ['removeReceipt', { groupId, clientId: cid(), receiptId }],
  ['getMemberQr', { groupId, memberId: ownerM }],
  ['createPaymentOrder', { groupId, from: placeholder, to: ownerM, clientId: cid() }],
  ['getTransfers', { groupId }],
  ['getTransfer', { groupId, transferId: 'tr_unknown' }],
  ['confirmPayout', { groupId, transferId: 'tr_unknown', clientId: cid() }],
  ['linkChat', { groupId, clientId: cid(), encryptedData: 'AAAAAAAAAAAAAAAAAAAAAA==', iv: 'AAAAAAAAAAAAAAAAAAAAAA==' }],
  ['addRecurring', { groupId, clientId: cid(), expense: { amount: 500, paidBy: { [ownerM]: 500 }, split: { mode: 'equal', members: [ownerM] } }, description: 'Sneaky', rule: { frequency: 'weekly' }, startDate: '2026-01-01' }],
  ['editRecurring', { groupId, clientId: cid(), seriesId: 's_unknown', description: 'Owned' }],
  ['stopRecurring', { groupId, clientId: cid(), seriesId: 's_unknown' }],
  ['listRecurring', { groupId }]
]

test('the list above covers every registered action that names a group', () => {
  const listed = new Set(groupActions().map(([name]) => name))
  for (const [name, action] of h.app.handler.actions) {
    const shape = (action.input as { shape?: Record<string, unknown> }).shape
    if (shape && 'groupId' in shape) expect([name, listed.has(name)]).toEqual([name, true])
  }
})

test('every group action is refused to a non-member (403) and writes nothing', async () => {
  const before = await h.snapshot()
  for (const [action, input] of groupActions()) {
    const r = await h.api.call(action, input, outsider.token)
    expect([action, r.status, r.body.ok === false && r.body.error.code]).toEqual([action, 403, 'NOT_MEMBER'])
  }
  // A group id that does not exist answers the same way (no existence oracle).
  const ghost = await h.api.call('getGroup', { groupId: 'g_doesnotexist' }, outsider.token)
  expect(ghost.status).toBe(403)
  expect(await h.snapshot()).toEqual(before)
  const list = await h.api.ok('listGroups', {}, outsider.token)
  expect(list.items).toEqual([])
})

test('every action but signIn and reportFault needs a session (401)', async () => {
  // the only actions open without a session: signing in, and reporting an error the app hit (maybe before sign-in)
  const open = [...h.app.handler.actions.values()].filter((a) => a.auth === 'none').map((a) => a.name)
  expect(open.sort()).toEqual(['reportFault', 'signIn'])
  for (const action of h.app.handler.actions.keys()) {
    if (open.includes(action)) continue
    const r = await h.api.call(action, { groupId }, null)
    expect([action, r.status]).toEqual([action, 401])
  }
})

test('forged tokens are refused', async () => {
  const [prefix, body, sig] = owner.token.split('.')
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString())
  // Someone else's user id with the old signature.
  const swapped = Buffer.from(JSON.stringify({ ...payload, sub: outsider.user.id })).toString('base64url')
  // A far expiry with the old signature.
  const extended = Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 10 ** 6 })).toString('base64url')
  // Correctly shaped but signed with another secret.
  const otherSecret = createHmac('sha256', 'not-the-secret').update(`${prefix}.${body}`).digest('base64url')
  const forged = [
    `${prefix}.${swapped}.${sig}`,
    `${prefix}.${extended}.${sig}`,
    `${prefix}.${body}.${otherSecret}`,
    `${prefix}.${body}.${sig.slice(0, -2)}`,
    `${prefix}.${body}`,
    'garbage',
    randomBytes(40).toString('base64url'),
    `${owner.token}x`
  ]
  for (const token of forged) {
    const r = await h.api.call('getGroup', { groupId }, token)
    expect([token, r.status]).toEqual([token, 401])
  }
  expect((await h.api.call('getGroup', { groupId }, owner.token)).status).toBe(200)
})

test('an expired token is refused', async () => {
  const t0 = now
  const session = await h.signIn('Shortlived')
  expect((await h.api.call('getMe', {}, session.token)).status).toBe(200)
  now = new Date(t0.getTime() + 3601 * 1000)
  try {
    const r = await h.api.call('getMe', {}, session.token)
    expect(r.status).toBe(401)
    expect(r.body.ok === false && r.body.error.code).toBe('UNAUTHENTICATED')
  } finally {
    now = t0
  }
})

test('invites cannot be guessed, are stored hashed, and stop working when revoked', async () => {
  const { token } = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  expect(Buffer.from(token, 'base64url')).toHaveLength(16)
  const stored = await h.app.db.query<Record<string, unknown>>('SELECT * FROM invites')
  expect(JSON.stringify(stored.rows)).not.toContain(token)
  for (let i = 0; i < 50; i++) {
    const guess = randomBytes(16).toString('base64url')
    const r = await h.api.call('joinGroup', { clientId: cid(), token: guess }, outsider.token)
    expect(r.status).toBe(404)
    expect(r.body.ok === false && r.body.error.code).toBe('INVITE_INVALID')
  }
  // A near miss (one character changed) is no better than a guess.
  const near = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
  expect((await h.api.call('previewInvite', { token: near }, outsider.token)).status).toBe(404)
  const list = await h.app.db.query<{ id: string }>('SELECT id FROM invites WHERE revoked_at IS NULL AND group_id = $1 ORDER BY created_at DESC, id', [groupId])
  for (const { id } of list.rows) await h.api.ok('revokeInvite', { groupId, clientId: cid(), inviteId: id }, owner.token)
  const r = await h.api.call('joinGroup', { clientId: cid(), token }, outsider.token)
  expect(r.status).toBe(409)
  expect(r.body.ok === false && r.body.error.code).toBe('INVITE_REVOKED')
  expect((await h.api.call('getGroup', { groupId }, outsider.token)).status).toBe(403)
})

describe('production mode', () => {
  let prod: Harness
  beforeAll(async () => {
    prod = await startHarness({
      env: {
        SPLITPAY_MODE: 'production',
        SESSION_SECRET: SECRET,
        DATABASE_URL: usingPostgres() ? process.env.TEST_DATABASE_URL : 'memory'
      }
    })
  })
  afterAll(async () => {
    await prod?.close()
  })

  test('the dev sign-in is refused', async () => {
    const r = await prod.api.call('signIn', { provider: 'dev', name: 'Ann' })
    expect(r.status).toBe(403)
    expect(r.body.ok === false && r.body.error.code).toBe('DEV_SIGNIN_DISABLED')
    const users = await prod.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM users')
    expect(Number(users.rows[0].n)).toBe(0)
  })

  test('WeChat sign-in without credentials says it is not configured', async () => {
    const r = await prod.api.call('signIn', { provider: 'wechat', code: 'abc' })
    expect(r.status).toBe(400)
    expect(r.body.ok === false && r.body.error.code).toBe('PROVIDER_NOT_CONFIGURED')
  })

  test('a token from another deployment, or altered, is refused', async () => {
    const r = await prod.api.call('getMe', {}, owner.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))
    expect(r.status).toBe(401)
    const r2 = await prod.api.call('getMe', {}, owner.token)
    expect(r2.status).toBe(401)
  })
})
