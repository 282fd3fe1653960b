/**
 * A wallet provider that takes 5 s to answer never stalls a group: while one member's payment order waits on it,
 * another member keeps adding expenses to the same group at normal speed, and the order still completes.
 */
import { cid, equalExpense, startHarness, type Harness } from '../harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ env: { SPLITPAY_MODE: 'dev', PAYMENTS_SANDBOX: 'on', PAYMENTS_OUTBOX_INTERVAL_MS: '0' } })
})
afterAll(async () => {
  await h?.close()
})

test('other members write to the group with normal latency while a payment order waits 5 s on its provider', async () => {
  const ann = await h.signIn('Ann')
  const bob = await h.signIn('Bob')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Slow wallet', currency: 'CNY' }, ann.token)
  const groupId = g.group.id
  const { token } = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
  const bobM = (await h.api.ok('joinGroup', { clientId: cid(), token }, bob.token)).group.me
  const annM = g.group.me
  await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense('e0', 10_000, annM, [annM, bobM]), description: 'Hotel' }, ann.token)

  // The provider (the sandbox's WeChat Pay here) answers after 5 s.
  const rt = await h.app.services.payments.runtime()
  const provider = rt.providers.wechat!
  const createOrder = provider.createOrder.bind(provider)
  let calls = 0
  provider.createOrder = async (req) => {
    calls++
    await new Promise((r) => setTimeout(r, 5_000))
    return createOrder(req)
  }

  const started = Date.now()
  const order = h.api.call('createPaymentOrder', { groupId, from: bobM, to: annM, clientId: cid(), channel: 'sandbox' }, bob.token)
  await new Promise((r) => setTimeout(r, 300)) // the order is now waiting on the provider
  const latencies: number[] = []
  for (let i = 1; i <= 8; i++) {
    const t = Date.now()
    await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e${i}`, 1_000 + i, annM, [annM, bobM]), description: `Taxi ${i}` }, ann.token)
    latencies.push(Date.now() - t)
  }
  const during = Date.now() - started
  const r = await order
  expect(calls).toBe(1)
  expect(r.status).toBe(200)
  expect(r.body.ok && (r.body.data as { transfer: { state: string } }).transfer.state).toBe('paying')
  expect(Date.now() - started).toBeGreaterThanOrEqual(5_000)
  // all eight expenses went in while the provider was still thinking, none waited on it
  expect(during).toBeLessThan(5_000)
  expect(Math.max(...latencies)).toBeLessThan(1_000)
  const view = await h.api.ok('getGroup', { groupId }, ann.token)
  expect(view.group.expenseCount).toBe(9)
}, 60_000)
