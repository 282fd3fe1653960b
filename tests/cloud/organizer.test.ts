/** The group's organizer (its creator) may confirm a payment on the receiver's behalf; nobody else but the receiver may. */
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

interface Person {
  token: string
  m: string
}

/** Olga creates the group (organizer); Pia, Quinn and Ray join with an invite. Pia paid 8000 for all four. */
async function groupOfFour() {
  const olgaS = await h.signIn(`Olga ${cid()}`)
  const created = await h.api.ok('createGroup', { clientId: cid(), name: 'Dinner' }, olgaS.token)
  const groupId = created.group.id
  const { token: invite } = await h.api.ok('createInvite', { groupId, clientId: cid() }, olgaS.token)
  const join = async (name: string): Promise<Person> => {
    const s = await h.signIn(`${name} ${cid()}`)
    const g = await h.api.ok('joinGroup', { clientId: cid(), token: invite }, s.token)
    return { token: s.token, m: g.group.me }
  }
  const olga: Person = { token: olgaS.token, m: created.group.me }
  const pia = await join('Pia')
  const quinn = await join('Quinn')
  const ray = await join('Ray')
  const all = [olga.m, pia.m, quinn.m, ray.m]
  await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 8000, pia.m, all), description: 'Hotpot' }, pia.token)
  return { groupId, olga, pia, quinn, ray }
}

test('members carry a role: the creator is the organizer, everyone else a member', async () => {
  const { groupId, olga, pia, quinn } = await groupOfFour()
  const g = (await h.api.ok('getGroup', { groupId }, quinn.token)).group
  const roles = Object.fromEntries(g.members.map((m) => [m.id, m.role]))
  expect(roles[olga.m]).toBe('organizer')
  expect(roles[pia.m]).toBe('member')
  expect(g.members.filter((m) => m.role === 'organizer')).toHaveLength(1)
  // A placeholder added by name is a member too.
  const added = await h.api.ok('addMember', { groupId, clientId: cid(), name: 'Sam' }, pia.token)
  expect(added.member.role).toBe('member')
})

test('the organizer confirms a cash payment for the receiver; the activity records who confirmed', async () => {
  const { groupId, olga, pia, quinn } = await groupOfFour()
  // Quinn hands Pia 2000 in cash and records it: pending until confirmed.
  const rec = await h.api.ok('recordPayment', { groupId, clientId: cid(), from: quinn.m, to: pia.m, amount: 2000, method: 'cash' }, quinn.token)
  expect(rec.payment.status).toBe('pending')

  const conf = await h.api.ok('confirmPayment', { groupId, clientId: cid(), paymentId: rec.payment.id }, olga.token)
  expect(conf.payment).toMatchObject({ status: 'confirmed', confirmedBy: olga.m })

  const g = (await h.api.ok('getGroup', { groupId }, pia.token)).group
  expect(g.balances[quinn.m]).toBe(0)
  expect(g.pendingPayments).toEqual([])

  const act = await h.api.ok('listActivity', { groupId, limit: 1 }, pia.token)
  expect(act.items[0]).toMatchObject({
    kind: 'payment.confirm',
    actor: { memberId: olga.m },
    data: { paymentId: rec.payment.id, from: quinn.m, to: pia.m, amount: 2000, confirmedBy: olga.m, confirmedAs: 'organizer' }
  })
})

test('the receiver still confirms, recorded as the payee', async () => {
  const { groupId, pia, ray } = await groupOfFour()
  const rec = await h.api.ok('recordPayment', { groupId, clientId: cid(), from: ray.m, to: pia.m, amount: 2000 }, ray.token)
  const conf = await h.api.ok('confirmPayment', { groupId, clientId: cid(), paymentId: rec.payment.id }, pia.token)
  expect(conf.payment).toMatchObject({ status: 'confirmed', confirmedBy: pia.m })
  const act = await h.api.ok('listActivity', { groupId, limit: 1 }, pia.token)
  expect(act.items[0].data).toMatchObject({ confirmedBy: pia.m, confirmedAs: 'payee' })
})

test('anyone else gets 403 FORBIDDEN and nothing changes; the payer cannot confirm their own payment', async () => {
  const { groupId, olga, pia, quinn, ray } = await groupOfFour()
  const rec = await h.api.ok('recordPayment', { groupId, clientId: cid(), from: quinn.m, to: pia.m, amount: 2000 }, quinn.token)
  const before = await h.snapshot()
  for (const who of [ray, quinn]) {
    const r = await h.api.call('confirmPayment', { groupId, clientId: cid(), paymentId: rec.payment.id }, who.token)
    expect(r.status).toBe(403)
    expect(r.body.ok === false && r.body.error.code).toBe('FORBIDDEN')
  }
  expect(await h.snapshot()).toEqual(before)

  // An organizer who is the payer is still the payer: the receiver confirms.
  const own = await h.api.ok('recordPayment', { groupId, clientId: cid(), from: olga.m, to: pia.m, amount: 2000 }, olga.token)
  const self = await h.api.call('confirmPayment', { groupId, clientId: cid(), paymentId: own.payment.id }, olga.token)
  expect(self.status).toBe(403)
  expect(self.body.ok === false && self.body.error.code).toBe('FORBIDDEN')
  const byPayee = await h.api.ok('confirmPayment', { groupId, clientId: cid(), paymentId: own.payment.id }, pia.token)
  expect(byPayee.payment.confirmedBy).toBe(pia.m)
})

test('an organizer who takes over a placeholder stays the organizer', async () => {
  const olga = await h.signIn(`Olga ${cid()}`)
  const created = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip', placeholders: ['Olga (added by name)'] }, olga.token)
  const placeholder = created.group.members.find((m) => m.userId === null)!.id
  const claimed = await h.api.ok('claimMember', { groupId: created.group.id, clientId: cid(), memberId: placeholder }, olga.token)
  expect(claimed.group.me).toBe(placeholder)
  expect(claimed.group.members).toEqual([expect.objectContaining({ id: placeholder, role: 'organizer' })])
})
