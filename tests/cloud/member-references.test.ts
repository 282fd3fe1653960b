/**
 * A member who joined under their own name and then claims a placeholder gives up their own member. Whatever
 * refers to that member (every foreign key to members, read from the catalog, and the member ids inside expenses)
 * makes the claim a 409 MEMBER_IN_USE that writes nothing, never a constraint error (500).
 */
import { memberForeignKeys } from '../../cloud/ledger/references'
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

interface Scene {
  groupId: string
  ann: { token: string; member: string; userId: string }
  bob: { token: string; member: string }
  pat: string
}

/** How each kind of reference to Bob's own member comes about. */
const references: Record<string, (s: Scene) => Promise<void>> = {
  'expenses.created_by': async (s) => {
    await h.api.ok('addExpense', { groupId: s.groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 500, s.ann.member, [s.ann.member]), description: 'Added by Bob' }, s.bob.token)
  },
  'expenses.data': async (s) => {
    await h.api.ok('addExpense', { groupId: s.groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 500, s.ann.member, [s.ann.member, s.bob.member]), description: 'Bob ate' }, s.ann.token)
  },
  'payments.from_member': async (s) => {
    await h.api.ok('recordPayment', { groupId: s.groupId, clientId: cid(), from: s.bob.member, to: s.pat, amount: 100 }, s.ann.token)
  },
  'payments.to_member': async (s) => {
    await h.api.ok('recordPayment', { groupId: s.groupId, clientId: cid(), from: s.ann.member, to: s.bob.member, amount: 100 }, s.ann.token)
  },
  'payments.recorded_by': async (s) => {
    await h.api.ok('recordPayment', { groupId: s.groupId, clientId: cid(), from: s.pat, to: s.ann.member, amount: 100 }, s.bob.token)
  },
  'payments.closed_by': async (s) => {
    const { payment } = await h.api.ok('recordPayment', { groupId: s.groupId, clientId: cid(), from: s.pat, to: s.ann.member, amount: 100 }, s.bob.token)
    await h.api.ok('withdrawPayment', { groupId: s.groupId, clientId: cid(), paymentId: payment.id }, s.bob.token)
  },
  'invites.created_by': async (s) => {
    // the group's open invite is Ann's and would be given again: once it is revoked, the next one is Bob's
    const open = await h.api.ok('createInvite', { groupId: s.groupId, clientId: cid() }, s.bob.token)
    await h.api.ok('revokeInvite', { groupId: s.groupId, clientId: cid(), inviteId: open.inviteId }, s.bob.token)
    await h.api.ok('createInvite', { groupId: s.groupId, clientId: cid() }, s.bob.token)
  },
  // An in-app payment order, as createPaymentOrder writes it (the wallet providers cannot run here; the order row
  // is what matters to the claim).
  'pay_transfers.from_member': async (s) => payOrder(s, s.bob.member, s.ann.member),
  'pay_transfers.to_member': async (s) => payOrder(s, s.ann.member, s.bob.member),
  // A reminder, as remindTransfers writes it (made here directly: through the action it needs an expense, which
  // would refer to Bob first)
  'reminders.from_member': async (s) => reminder(s, s.bob.member, s.ann.member, s.ann.member),
  'reminders.to_member': async (s) => reminder(s, s.pat, s.bob.member, s.ann.member),
  'reminders.by_member': async (s) => reminder(s, s.pat, s.ann.member, s.bob.member),
  // A receipt photo Bob added to Ann's expense
  'receipts.created_by': async (s) => {
    const expenseId = `e_${cid()}`
    await h.api.ok('addExpense', { groupId: s.groupId, clientId: cid(), expense: equalExpense(expenseId, 500, s.ann.member, [s.ann.member]), description: 'Receipt' }, s.ann.token)
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z'
    await h.api.ok('addReceipt', { groupId: s.groupId, clientId: cid(), expenseId, image: jpeg, thumb: jpeg }, s.bob.token)
  },
  // A recurring expense Bob set up (starting next year: no occurrence, which would refer to him first)
  'recurring_series.created_by': async (s) => {
    await h.api.ok('addRecurring', { groupId: s.groupId, clientId: cid(), expense: { amount: 500, paidBy: { [s.ann.member]: 500 }, split: { mode: 'equal', members: [s.ann.member] } }, description: 'Rent', rule: { frequency: 'monthly', dayOfMonth: 1 }, startDate: nextYear() }, s.bob.token)
  },
  // one whose occurrences will name him
  'recurring_series.template': async (s) => {
    await h.api.ok('addRecurring', { groupId: s.groupId, clientId: cid(), expense: equalExpenseTemplate(500, s.ann.member, [s.ann.member, s.bob.member]), description: 'Rent', rule: { frequency: 'weekly' }, startDate: nextYear() }, s.ann.token)
  }
}

const nextYear = () => `${new Date().getUTCFullYear() + 1}-01-01`
const equalExpenseTemplate = (amount: number, payer: string, members: string[]) => ({ amount, paidBy: { [payer]: amount }, split: { mode: 'equal' as const, members } })

async function reminder(s: Scene, from: string, to: string, by: string) {
  await h.app.db.query('INSERT INTO reminders (group_id, from_member, to_member, amount, by_member, at) VALUES ($1, $2, $3, 100, $4, $5)', [s.groupId, from, to, by, new Date().toISOString()])
}

async function payOrder(s: Scene, from: string, to: string) {
  const now = new Date().toISOString()
  await h.app.db.query(
    `INSERT INTO pay_transfers (id, group_id, from_member, to_member, amount, currency, channel, wire, payout_wallet, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 100, 'CNY', 'sandbox', 'wechat', 'alipay', 'pending', $5, $6, $6)`,
    [`T${cid()}`.slice(0, 32), s.groupId, from, to, s.ann.userId, now]
  )
}

async function scene(label: string): Promise<Scene> {
  const ann = await h.signIn(`Ann ${label}`)
  const bob = await h.signIn(`Bob ${label}`)
  const g = await h.api.ok('createGroup', { clientId: cid(), name: label, placeholders: ['Pat', 'Bobby'] }, ann.token)
  const { token } = await h.api.ok('createInvite', { groupId: g.group.id, clientId: cid() }, ann.token)
  const joined = await h.api.ok('joinGroup', { clientId: cid(), token }, bob.token)
  return {
    groupId: g.group.id,
    ann: { token: ann.token, member: g.group.me, userId: ann.user.id },
    bob: { token: bob.token, member: joined.group.me },
    pat: g.group.members.find((m) => m.name === 'Pat')!.id
  }
}

test('every foreign key to members has a scene here (a new one must be added when a migration adds a key)', async () => {
  const keys = (await memberForeignKeys(h.app.db)).map((k) => `${k.table}.${k.column}`)
  expect(keys.length).toBeGreaterThanOrEqual(7)
  for (const k of keys) expect(Object.keys(references)).toContain(k)
})

test.each(Object.keys(references))('claiming a placeholder while %s refers to your own member: MEMBER_IN_USE, nothing written', async (kind) => {
  const s = await scene(kind)
  await references[kind]!(s)
  const bobby = (await h.api.ok('getGroup', { groupId: s.groupId }, s.ann.token)).group.members.find((m) => m.name === 'Bobby')!.id
  const before = await h.snapshot()
  const r = await h.api.call('claimMember', { groupId: s.groupId, clientId: cid(), memberId: bobby }, s.bob.token)
  expect(r.status).toBe(409)
  expect(r.body.ok === false && r.body.error.code).toBe('MEMBER_IN_USE')
  expect(r.body.ok === false && r.body.error.details).toEqual({ reference: kind })
  // the failed claim claimed nothing (its client id is released with the rolled-back transaction)
  expect(await h.snapshot()).toEqual(before)
})

test('with nothing referring to your own member the claim goes through', async () => {
  const s = await scene('clean')
  const bobby = (await h.api.ok('getGroup', { groupId: s.groupId }, s.ann.token)).group.members.find((m) => m.name === 'Bobby')!.id
  const out = await h.api.ok('claimMember', { groupId: s.groupId, clientId: cid(), memberId: bobby }, s.bob.token)
  expect(out.group.me).toBe(bobby)
  expect(out.group.members.map((m) => m.id)).not.toContain(s.bob.member)
})
