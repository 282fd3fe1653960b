/**
 * A function listening on a free port (PORT=0, as the e2e world and `PORT=0 npm start` do) pays with the sandbox
 * wallet without any extra configuration: notifications and the sandbox SDKs follow the address it listens on.
 */
import { startHarness, cid, equalExpense, type Harness } from '../harness'

jest.setTimeout(60_000)

let h: Harness

beforeAll(async () => {
  h = await startHarness({ env: { SPLITPAY_MODE: 'dev', PAYMENTS_OUTBOX_INTERVAL_MS: '0' } })
})

afterAll(async () => {
  await h.app.services.payments.settled()
  await h.close()
})

test('the sandbox wallet is reached on the port actually listened on', async () => {
  expect(h.url).not.toBe('http://127.0.0.1:8787')
  expect((await h.app.services.payments.runtime()).publicUrl).toBe(h.url)

  const ann = (await h.ok('signIn', { provider: 'dev', name: 'Ann' })) as { token: string }
  const bo = (await h.ok('signIn', { provider: 'dev', name: 'Bo' })) as { token: string }
  const { group } = await h.ok('createGroup', { clientId: cid(), name: 'Picnic', currency: 'CNY' }, ann.token)
  const { token } = await h.ok('createInvite', { groupId: group.id, clientId: cid() }, ann.token)
  const joined = await h.ok('joinGroup', { clientId: cid(), token }, bo.token)
  const annM = group.me as string
  const boM = joined.group.me as string
  await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 3000, annM, [annM, boM]), description: 'Picnic' }, ann.token)

  const order = await h.call('createPaymentOrder', { groupId: group.id, from: boM, to: annM, clientId: cid() }, bo.token)
  expect(order.status).toBe(200)
  const transferId = (order.body as { data: { transfer: { id: string } } }).data.transfer.id
  const approved = await (await fetch(`${h.url}/sandbox/api/orders/${transferId}/approve`, { method: 'POST' })).json()
  expect([200, 204]).toContain(approved.notify.status)
  expect((await h.ok('getGroup', { groupId: group.id }, ann.token)).group.plan).toEqual([])
})
