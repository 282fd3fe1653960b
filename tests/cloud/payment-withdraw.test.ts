/**
 * A payment recorded by hand waits for its receiver: the payer can withdraw it, the receiver can reject it with a
 * reason the payer sees; neither ever counts in the balances, both are in the activity log, and once it is
 * confirmed, withdrawn or rejected nothing else can happen to it.
 */
import { cid, equalExpense, startHarness, sum, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

interface Who {
  token: string
}

/** Ann paid 60.00 for Ann, Bob and Cy: Bob and Cy owe Ann 20.00 each. */
async function trip() {
  const ann = (await h.signIn(`Ann${cid()}`)) as Who
  const bob = (await h.signIn(`Bob${cid()}`)) as Who
  const cy = (await h.signIn(`Cy${cid()}`)) as Who
  const { group } = await h.ok('createGroup', { clientId: cid(), name: 'Trip', currency: 'CNY' }, ann.token)
  const { token } = await h.ok('createInvite', { groupId: group.id, clientId: cid() }, ann.token)
  const bobM = (await h.ok('joinGroup', { clientId: cid(), token }, bob.token)).group.me as string
  const cyM = (await h.ok('joinGroup', { clientId: cid(), token }, cy.token)).group.me as string
  const annM = group.me as string
  await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 6000, annM, [annM, bobM, cyM]), description: 'Hotel' }, ann.token)
  return { groupId: group.id as string, ann, bob, cy, annM, bobM, cyM }
}

const record = (t: Awaited<ReturnType<typeof trip>>, who: Who, from: string, method: 'cash' | 'direct' = 'cash') =>
  h.ok('recordPayment', { groupId: t.groupId, clientId: cid(), from, to: t.annM, amount: 2000, method }, who.token)

test('the payer withdraws a payment still waiting: it never counted, and the activity says so', async () => {
  const t = await trip()
  const before = (await h.ok('getGroup', { groupId: t.groupId }, t.ann.token)).group
  const { payment } = await record(t, t.bob, t.bobM, 'direct')
  expect(payment.status).toBe('pending')

  // not the receiver, not another member
  for (const who of [t.ann, t.cy]) {
    const r = await h.call('withdrawPayment', { groupId: t.groupId, clientId: cid(), paymentId: payment.id }, who.token)
    expect([r.status, r.body.ok ? '' : r.body.error.code]).toEqual([403, 'FORBIDDEN'])
  }
  const out = await h.ok('withdrawPayment', { groupId: t.groupId, clientId: cid(), paymentId: payment.id }, t.bob.token)
  expect(out.payment).toMatchObject({ id: payment.id, status: 'withdrawn', reason: null })

  const after = (await h.ok('getGroup', { groupId: t.groupId }, t.ann.token)).group
  expect(after.balances).toEqual(before.balances)
  expect(after.pendingPayments).toEqual([])
  expect(after.plan.find((p: { from: string }) => p.from === t.bobM)).toMatchObject({ amount: 2000, state: 'open' })
  expect(after.version).toBe(out.version)

  const { items } = await h.ok('listActivity', { groupId: t.groupId }, t.cy.token)
  expect(items[0]).toMatchObject({ kind: 'payment.withdraw', actor: { memberId: t.bobM }, data: { paymentId: payment.id, from: t.bobM, to: t.annM, amount: 2000, method: 'direct' } })

  // nothing more can happen to it
  for (const [action, who, extra] of [
    ['confirmPayment', t.ann, {}],
    ['rejectPayment', t.ann, { reason: 'no' }],
    ['withdrawPayment', t.bob, {}]
  ] as const) {
    const r = await h.call(action, { groupId: t.groupId, clientId: cid(), paymentId: payment.id, ...extra }, who.token)
    expect([r.status, r.body.ok ? '' : r.body.error.code]).toEqual([409, 'PAYMENT_STATE'])
  }
})

test('the receiver rejects with a reason the payer sees, until the payer records again', async () => {
  const t = await trip()
  const { payment } = await record(t, t.cy, t.cyM)
  // only the receiver says it did not arrive; a reason is required
  const byPayer = await h.call('rejectPayment', { groupId: t.groupId, clientId: cid(), paymentId: payment.id, reason: 'x' }, t.cy.token)
  expect(byPayer.status).toBe(403)
  const noReason = await h.call('rejectPayment', { groupId: t.groupId, clientId: cid(), paymentId: payment.id, reason: '' }, t.ann.token)
  expect(noReason.status).toBe(400)

  const out = await h.ok('rejectPayment', { groupId: t.groupId, clientId: cid(), paymentId: payment.id, reason: '没收到现金' }, t.ann.token)
  expect(out.payment).toMatchObject({ status: 'rejected', reason: '没收到现金' })
  const seen = (await h.ok('getGroup', { groupId: t.groupId }, t.cy.token)).group
  expect(seen.rejectedPayments).toEqual([expect.objectContaining({ id: payment.id, from: t.cyM, to: t.annM, amount: 2000, reason: '没收到现金' })])
  expect(seen.balances[t.cyM]).toBe(-2000)
  expect(sum(seen.balances)).toBe(0)
  const { items } = await h.ok('listActivity', { groupId: t.groupId }, t.bob.token)
  expect(items[0]).toMatchObject({ kind: 'payment.reject', actor: { memberId: t.annM }, data: { paymentId: payment.id, reason: '没收到现金', amount: 2000 } })

  // paying again replaces the rejection; confirmed, it counts
  const again = await record(t, t.cy, t.cyM)
  const waiting = (await h.ok('getGroup', { groupId: t.groupId }, t.cy.token)).group
  expect(waiting.rejectedPayments).toEqual([])
  await h.ok('confirmPayment', { groupId: t.groupId, clientId: cid(), paymentId: again.payment.id }, t.ann.token)
  const settled = (await h.ok('getGroup', { groupId: t.groupId }, t.cy.token)).group
  expect(settled.balances[t.cyM]).toBe(0)
  // a confirmed payment can be neither withdrawn nor rejected
  const late = await h.call('withdrawPayment', { groupId: t.groupId, clientId: cid(), paymentId: again.payment.id }, t.cy.token)
  expect([late.status, late.body.ok ? '' : late.body.error.code]).toEqual([409, 'PAYMENT_STATE'])
})

test('a payment of another group is not found', async () => {
  const a = await trip()
  const b = await trip()
  const { payment } = await record(a, a.bob, a.bobM)
  const r = await h.call('withdrawPayment', { groupId: b.groupId, clientId: cid(), paymentId: payment.id }, b.bob.token)
  expect([r.status, r.body.ok ? '' : r.body.error.code]).toEqual([404, 'NOT_FOUND'])
})
