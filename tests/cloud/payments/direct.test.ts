/**
 * Direct mode, without any merchant account: the payee's collection QR code is shown to the payer, the payer
 * marks the transfer paid (recordPayment, method direct), and only the payee's confirmation moves the balances.
 * Built on the ledger's recordPayment / confirmPayment.
 */
import { startHarness, cid, equalExpense, type Harness } from '../harness'

let h: Harness
const QR = `data:image/png;base64,${Buffer.from('collection qr code').toString('base64')}`

beforeAll(async () => {
  h = await startHarness({ env: { SPLITPAY_MODE: 'dev', PAYMENTS_SANDBOX: 'off' } })
})
afterAll(async () => {
  await h.close()
})

test('QR shown, payer marks paid, payee confirms; in-app payment is not offered', async () => {
  const mei = await h.signIn('Mei')
  const tom = await h.signIn('Tom')
  await h.ok('setWallet', { clientId: cid(), wallet: 'wechat', qrImage: QR }, mei.token)
  const { group } = await h.ok('createGroup', { clientId: cid(), name: 'Trip', currency: 'CNY' }, mei.token)
  const { token } = await h.ok('createInvite', { groupId: group.id, clientId: cid() }, mei.token)
  const tomM = (await h.ok('joinGroup', { clientId: cid(), token }, tom.token)).group.me as string
  const meiM = group.me as string
  await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 9000, meiM, [meiM, tomM]), description: 'Train' }, mei.token)

  const plan = (await h.ok('getGroup', { groupId: group.id }, tom.token)).group.plan
  expect(plan).toEqual([{ from: tomM, to: meiM, amount: 4500, state: 'open' }])
  const inApp = await h.call('createPaymentOrder', { groupId: group.id, from: tomM, to: meiM, clientId: cid() }, tom.token)
  expect(inApp.body.ok ? '' : inApp.body.error.code).toBe('PAYMENTS_DISABLED')

  const qr = await h.ok('getMemberQr', { groupId: group.id, memberId: meiM }, tom.token)
  expect(qr).toEqual({ memberId: meiM, wallet: 'wechat', qrImage: QR })

  const marked = await h.ok('recordPayment', { groupId: group.id, clientId: cid(), from: tomM, to: meiM, amount: 4500, method: 'direct' }, tom.token)
  expect(marked.payment).toMatchObject({ status: 'pending', method: 'direct' })
  let g = (await h.ok('getGroup', { groupId: group.id }, mei.token)).group
  expect(g.balances).toEqual({ [meiM]: 4500, [tomM]: -4500 })
  expect(g.plan).toEqual([{ from: tomM, to: meiM, amount: 4500, state: 'pending' }])

  const byPayer = await h.call('confirmPayment', { groupId: group.id, clientId: cid(), paymentId: marked.payment.id }, tom.token)
  expect(byPayer.status).toBe(403)
  await h.ok('confirmPayment', { groupId: group.id, clientId: cid(), paymentId: marked.payment.id }, mei.token)
  g = (await h.ok('getGroup', { groupId: group.id }, tom.token)).group
  expect(g.balances).toEqual({ [meiM]: 0, [tomM]: 0 })
  expect(g.plan).toEqual([])
})
