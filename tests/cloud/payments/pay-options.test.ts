/**
 * payOptions: the wallet button is offered only when createPaymentOrder can work, and otherwise the reason is the
 * code createPaymentOrder would answer. Checked against createPaymentOrder itself for every payee.
 */
import { cid, equalExpense, startHarness, type Harness } from '../harness'

let warn: jest.SpyInstance
beforeAll(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
})
afterAll(() => warn.mockRestore())

interface Who {
  token: string
}

/** A group where I (the debtor) owe a signed-in member and a placeholder; returns the members. */
async function groupOf(h: Harness, currency: string) {
  const ann = (await h.signIn(`Ann${cid()}`)) as Who
  const bob = (await h.signIn(`Bob${cid()}`)) as Who
  const { group } = await h.ok('createGroup', { clientId: cid(), name: 'Trip', currency, placeholders: ['Cai'] }, ann.token)
  const { token } = await h.ok('createInvite', { groupId: group.id, clientId: cid() }, ann.token)
  const joined = await h.ok('joinGroup', { clientId: cid(), token }, bob.token)
  const annM = group.me as string
  const caiM = (group.members as Array<{ id: string; name: string }>).find((m) => m.name === 'Cai')!.id
  const bobM = joined.group.me as string
  const members = [annM, bobM, caiM]
  // Ann paid 30.00 and Cai 30.00 for the three: Bob owes each 10.00
  await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 3000, annM, members), description: 'Dinner' }, bob.token)
  await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 3000, caiM, members), description: 'Taxi' }, bob.token)
  return { groupId: group.id as string, bob, annM, bobM, caiM }
}

/** What createPaymentOrder answers for each payee: 'ok' or its error code. */
async function orderOutcomes(h: Harness, groupId: string, payer: Who, from: string, payees: string[]) {
  const out: Record<string, string> = {}
  for (const to of payees) {
    const r = await h.call('createPaymentOrder', { groupId, from, to, clientId: cid() }, payer.token)
    out[to] = r.body.ok ? 'ok' : r.body.error.code
  }
  return out
}

describe('with the sandbox merchant (dev mode)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.close())

  it('offers the wallet for a signed-in payee and says why not for a placeholder, as createPaymentOrder does', async () => {
    const g = await groupOf(h, 'CNY')
    const { payees } = await h.ok('payOptions', { groupId: g.groupId }, g.bob.token)
    expect(payees).toEqual({ [g.annM]: null, [g.caiM]: 'PAYMENT_WALLET' })
    const outcomes = await orderOutcomes(h, g.groupId, g.bob, g.bobM, [g.annM, g.caiM])
    expect(outcomes).toEqual({ [g.annM]: 'ok', [g.caiM]: 'PAYMENT_WALLET' })
  })

  it('says PAYMENT_CURRENCY for every payee of a group not in CNY', async () => {
    const g = await groupOf(h, 'JPY')
    const { payees } = await h.ok('payOptions', { groupId: g.groupId }, g.bob.token)
    expect(payees).toEqual({ [g.annM]: 'PAYMENT_CURRENCY', [g.caiM]: 'PAYMENT_CURRENCY' })
    expect(await orderOutcomes(h, g.groupId, g.bob, g.bobM, [g.annM])).toEqual({ [g.annM]: 'PAYMENT_CURRENCY' })
  })

  it('is for members only', async () => {
    const g = await groupOf(h, 'CNY')
    const stranger = (await h.signIn('Stranger')) as Who
    const r = await h.call('payOptions', { groupId: g.groupId }, stranger.token)
    expect(r.status).toBe(403)
  })
})

describe('without any merchant', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ env: { PAYMENTS_SANDBOX: 'off' } })
  })
  afterAll(() => h.close())

  it('says PAYMENTS_DISABLED for everyone, as createPaymentOrder does', async () => {
    const g = await groupOf(h, 'CNY')
    const { payees } = await h.ok('payOptions', { groupId: g.groupId }, g.bob.token)
    expect(payees).toEqual({ [g.annM]: 'PAYMENTS_DISABLED', [g.caiM]: 'PAYMENTS_DISABLED' })
    expect(await orderOutcomes(h, g.groupId, g.bob, g.bobM, [g.annM])).toEqual({ [g.annM]: 'PAYMENTS_DISABLED' })
  })
})
