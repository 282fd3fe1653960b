/**
 * End to end over HTTP on PGlite (or PostgreSQL in the cloud-postgres project): the real function, the real
 * SDKs pointed at the sandbox wallet served by the same function, the real notification verification.
 * Only the sign-in providers' servers (code2Session, oauth token) are doubles.
 */
import { Rsa } from 'wechatpay-axios-plugin'
import { startHarness, cid, equalExpense, platformSignIn, SANDBOX_ENV, type Harness } from '../harness'
import { processDuePayouts } from '../../../cloud/payments/payouts'
import type { SandboxWallet, Notification } from '../../../cloud/payments/sandbox/wallet'

jest.setTimeout(60_000)

let h: Harness
let sandbox: SandboxWallet
let offsetMs = 0
const ALI_ID = '2088102177770001'

type Who = { token: string; user: { id: string; wallet: string } }
let wei: Who // pays with WeChat Pay
let ali: Who // receives in Alipay

beforeAll(async () => {
  h = await startHarness({
    env: { SPLITPAY_MODE: 'dev', ...SANDBOX_ENV },
    clock: () => new Date(Date.now() + offsetMs),
    identity: platformSignIn((code) => (code === 'ali' ? ALI_ID : `2088102177779${code.length}99`))
  })
  sandbox = (await h.app.services.payments.configure({ publicUrl: h.url })).sandbox!
  wei = (await h.ok('signIn', { provider: 'wechat', code: 'wei', name: 'Wei' })) as Who
  ali = (await h.ok('signIn', { provider: 'alipay', code: 'ali', name: 'Ali' })) as Who
})

afterAll(async () => {
  await h.app.services.payments.settled()
  await h.close()
})

/** Everything a notification could change, fingerprinted. */
async function fingerprint(): Promise<string> {
  const out: string[] = []
  for (const t of ['pay_transfers', 'pay_transitions', 'pay_payouts', 'payments', 'groups', 'activity']) {
    const r = await h.app.db.query<{ n: unknown; h: string | null }>(`SELECT COUNT(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${t} t`)
    out.push(`${t}=${String(r.rows[0].n)}:${r.rows[0].h}`)
  }
  return out.join(' ')
}

/** How many notifications were refused with each code (counted, not stored one row each). */
async function refusals(): Promise<Record<string, number>> {
  const r = await h.app.db.query<{ code: string; n: unknown }>('SELECT code, SUM(count) AS n FROM pay_notify_refusals GROUP BY code')
  return Object.fromEntries(r.rows.map((row) => [row.code, Number(row.n)]))
}

/** The refusal that the last call added: exactly one, with this code. */
async function refusedOnceMore(before: Record<string, number>, code: string) {
  const after = await refusals()
  expect(after[code]).toBe((before[code] ?? 0) + 1)
  for (const [c, n] of Object.entries(after)) if (c !== code) expect(n).toBe(before[c] ?? 0)
}

async function post(n: Notification) {
  const res = await fetch(n.url, { method: 'POST', headers: n.headers, body: n.body })
  return { status: res.status, body: await res.text() }
}

/** A CNY group of the two where `debtor` owes `creditor` `owed` fen. */
async function groupWhere(creditor: Who, debtor: Who, owed: number) {
  const { group } = await h.ok('createGroup', { clientId: cid(), name: 'Hotpot', currency: 'CNY' }, creditor.token)
  const { token } = await h.ok('createInvite', { groupId: group.id, clientId: cid() }, creditor.token)
  const joined = await h.ok('joinGroup', { clientId: cid(), token }, debtor.token)
  const cm = group.me as string
  const dm = joined.group.me as string
  await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, owed * 2, cm, [cm, dm]), description: 'Hotpot' }, creditor.token)
  return { groupId: group.id as string, cm, dm }
}

describe('pay a suggested transfer from a WeChat member to an Alipay member', () => {
  let groupId: string
  let weiM: string
  let aliM: string
  let transferId: string

  test('the order amount comes from the settlement; the payer gets signed requestPayment params', async () => {
    expect(wei.user.wallet).toBe('wechat')
    expect(ali.user.wallet).toBe('alipay')
    ;({ groupId, cm: aliM, dm: weiM } = await groupWhere(ali, wei, 4321))
    const g = await h.ok('getGroup', { groupId }, wei.token)
    expect(g.group.plan).toEqual([{ from: weiM, to: aliM, amount: 4321, state: 'open' }])

    // Only the payer may pay; a client amount is not even read.
    const notPayer = await h.call('createPaymentOrder', { groupId, from: weiM, to: aliM, clientId: cid() }, ali.token)
    expect(notPayer.status).toBe(403)
    const wrongPair = await h.call('createPaymentOrder', { groupId, from: weiM, to: weiM, clientId: cid() }, wei.token)
    expect(wrongPair.body.ok ? '' : wrongPair.body.error.code).toBe('PAYMENT_NO_TRANSFER')

    const out = await h.ok('createPaymentOrder', { groupId, from: weiM, to: aliM, clientId: cid(), amount: 1 }, wei.token)
    transferId = out.transfer.id
    expect(out.transfer).toMatchObject({ amount: 4321, state: 'paying', wire: 'wechat', channel: 'wechat', currency: 'CNY' })
    expect(out.transfer.history.map((x: { to: string }) => x.to)).toEqual(['pending', 'paying'])
    expect(out.pay.kind).toBe('wechat')
    const order = (await sandbox.order(transferId))!
    expect(order.amount).toBe(4321)
    expect(order.payer).toBe('o-wei')
    expect(out.pay.package).toBe(`prepay_id=${order.providerId}`)
    const msg = `${sandbox.keys.wechat.appId}\n${out.pay.timeStamp}\n${out.pay.nonceStr}\n${out.pay.package}\n`
    expect(Rsa.verify(msg, out.pay.paySign, sandbox.keys.wechat.merchant.publicKey)).toBe(true)
  })

  test('forged, replayed, wrong-amount and unknown-order notifications are refused without any state change', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const before = await fingerprint()
    const order = (await sandbox.order(transferId))!
    const good = sandbox.paymentNotification(order)

    const forged = { ...good, headers: { ...good.headers, 'Wechatpay-Signature': Rsa.sign('something else', sandbox.keys.wechat.merchant.privateKey) } }
    let counted = await refusals()
    expect((await post(forged)).status).toBe(400)
    await refusedOnceMore(counted, 'NOTIFY_SIGNATURE')

    const replayed = sandbox.paymentNotification(order, { at: Math.floor(Date.now() / 1000) - 600 })
    counted = await refusals()
    expect((await post(replayed)).status).toBe(400)
    await refusedOnceMore(counted, 'NOTIFY_REPLAY')

    const wrongAmount = sandbox.paymentNotification(order, { amount: 1 })
    counted = await refusals()
    expect((await post(wrongAmount)).status).toBe(400)
    await refusedOnceMore(counted, 'NOTIFY_AMOUNT')

    const unknown = sandbox.paymentNotification({ ...order, outTradeNo: 'T0NOSUCHORDER' })
    counted = await refusals()
    expect((await post(unknown)).status).toBe(400)
    await refusedOnceMore(counted, 'NOTIFY_UNKNOWN_ORDER')

    expect(await fingerprint()).toBe(before)
    const t = await h.ok('getTransfer', { groupId, transferId }, wei.token)
    expect(t.transfer.state).toBe('paying')
    // each refusal is also logged for the operator
    expect(warn.mock.calls.map((c) => String(c[0]).match(/NOTIFY_\w+/)?.[0])).toEqual(['NOTIFY_SIGNATURE', 'NOTIFY_REPLAY', 'NOTIFY_AMOUNT', 'NOTIFY_UNKNOWN_ORDER'])
    warn.mockRestore()
  })

  test('a flood of forged notifications adds a count, not a row each', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const rows = async () => Number((await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM pay_notifications')).rows[0]!.n)
    const counted = await refusals()
    const before = await rows()
    const good = sandbox.paymentNotification((await sandbox.order(transferId))!)
    const forged = { ...good, headers: { ...good.headers, 'Wechatpay-Signature': Rsa.sign('flood', sandbox.keys.wechat.merchant.privateKey) } }
    for (let i = 0; i < 60; i++) expect((await post(forged)).status).toBe(400)
    for (let i = 0; i < 20; i++) expect((await post({ ...forged, body: `{"garbage": ${i}` })).status).toBe(400)
    expect(await rows()).toBe(before)
    const after = await refusals()
    const added = Object.entries(after).reduce((t, [c, n]) => t + n - (counted[c] ?? 0), 0)
    expect(added).toBe(80)
    expect(after.NOTIFY_SIGNATURE! - (counted.NOTIFY_SIGNATURE ?? 0)).toBeGreaterThanOrEqual(60)
    const refusalRows = Number((await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM pay_notify_refusals')).rows[0]!.n)
    expect(refusalRows).toBeLessThanOrEqual(6)
    warn.mockRestore()
  })

  test('approving in the sandbox wallet: paid, recorded in the ledger, payout queued and completed', async () => {
    const res = await fetch(`${h.url}/sandbox/api/orders/${transferId}/approve`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect((await res.json()).notify.status).toBe(204)
    await h.app.services.payments.settled()

    const t = (await h.ok('getTransfer', { groupId, transferId }, ali.token)).transfer
    expect(t.state).toBe('settled')
    expect(t.history.map((x: { to: string }) => x.to)).toEqual(['pending', 'paying', 'paid', 'payout_pending', 'settled'])
    expect(t.payout).toMatchObject({ wallet: 'alipay', state: 'succeeded', attempts: 1, lastError: null })
    const sent = (await sandbox.transfer(t.payout.id))!
    expect(sent).toMatchObject({ wire: 'alipay', amount: 4321, payee: ALI_ID, state: 'SUCCESS' })

    const g = (await h.ok('getGroup', { groupId }, wei.token)).group
    expect(g.balances).toEqual({ [weiM]: 0, [aliM]: 0 })
    expect(g.plan).toEqual([])
    const pay = await h.app.db.query<{ status: string; method: string; amount: unknown }>('SELECT status, method, amount FROM payments WHERE id = $1', [t.paymentId])
    expect(pay.rows[0]).toMatchObject({ status: 'confirmed', method: 'wechat' })
    // Both people see it.
    const mine = await h.ok('getTransfers', { groupId }, wei.token)
    const theirs = await h.ok('getTransfers', { groupId }, ali.token)
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([transferId])
    expect(theirs.items[0].state).toBe('settled')
  })

  test('the same notification delivered ten times settles once', async () => {
    const accepted = sandbox.sent.find((n) => n.reply.status === 204 && n.url.endsWith('/notify/wechat'))!
    const before = await fingerprint()
    const transfers = sandbox.transfersCreated
    for (let i = 0; i < 10; i++) expect((await post(accepted)).status).toBe(204)
    await h.app.services.payments.settled()
    expect(await fingerprint()).toBe(before)
    expect(sandbox.transfersCreated).toBe(transfers)
    const log = await h.app.db.query<{ outcome: string; n: unknown }>("SELECT outcome, COUNT(*) AS n FROM pay_notifications WHERE transfer_id = $1 AND outcome <> 'refused' GROUP BY outcome ORDER BY outcome", [transferId])
    expect(log.rows.map((r) => [r.outcome, Number(r.n)])).toEqual([['accepted', 1], ['duplicate', 10]])
  })
})

describe('Alipay payer, WeChat payee: the payee confirms the transfer in the app', () => {
  test('WAIT_USER_CONFIRM until the payee confirms, then settled', async () => {
    const { groupId, cm: weiM, dm: aliM } = await groupWhere(wei, ali, 1500)
    const out = await h.ok('createPaymentOrder', { groupId, from: aliM, to: weiM, clientId: cid() }, ali.token)
    expect(out.pay).toEqual({ kind: 'alipay', tradeNO: (await sandbox.order(out.transfer.id))!.providerId })
    const approve = await (await fetch(`${h.url}/sandbox/api/orders/${out.transfer.id}/approve`, { method: 'POST' })).json()
    expect(approve.notify).toEqual({ status: 200, body: 'success' })
    await h.app.services.payments.settled()

    const forPayee = (await h.ok('getTransfer', { groupId, transferId: out.transfer.id }, wei.token)).transfer
    expect(forPayee.state).toBe('payout_pending')
    expect(forPayee.payout.state).toBe('wait_user_confirm')
    expect(forPayee.payout.confirm).toEqual({ mchId: sandbox.keys.wechat.mchId, appId: sandbox.keys.wechat.appId, package: expect.any(String), outBillNo: forPayee.payout.id })
    const forPayer = (await h.ok('getTransfer', { groupId, transferId: out.transfer.id }, ali.token)).transfer
    expect(forPayer.payout.confirm).toBeNull()
    // the ledger already has the payment
    expect((await h.ok('getGroup', { groupId }, ali.token)).group.plan).toEqual([])

    const notPayee = await h.call('confirmPayout', { groupId, transferId: out.transfer.id, clientId: cid() }, ali.token)
    expect(notPayee.status).toBe(403)
    const stillWaiting = await h.ok('confirmPayout', { groupId, transferId: out.transfer.id, clientId: cid() }, wei.token)
    expect(stillWaiting.transfer.payout.state).toBe('wait_user_confirm')

    // The payee confirms in WeChat (requestMerchantTransfer); WeChat Pay notifies the final state.
    const c = await (await fetch(`${h.url}/sandbox/api/transfers/${forPayee.payout.id}/confirm`, { method: 'POST' })).json()
    expect(c.notify.status).toBe(204)
    const done = (await h.ok('confirmPayout', { groupId, transferId: out.transfer.id, clientId: cid() }, wei.token)).transfer
    expect(done.state).toBe('settled')
    expect(done.payout.state).toBe('succeeded')
    expect((await sandbox.transfer(done.payout.id))).toMatchObject({ wire: 'wechat', amount: 1500, payee: 'o-wei' })
  })
})

describe('the payout outbox', () => {
  test('a failed payout is retried with backoff and sent exactly once', async () => {
    const { groupId, cm: aliM, dm: weiM } = await groupWhere(ali, wei, 999)
    const out = await h.ok('createPaymentOrder', { groupId, from: weiM, to: aliM, clientId: cid() }, wei.token)
    sandbox.failTransfers = 1
    const created = sandbox.transfersCreated
    await fetch(`${h.url}/sandbox/api/orders/${out.transfer.id}/approve`, { method: 'POST' })
    await h.app.services.payments.settled()

    let t = (await h.ok('getTransfer', { groupId, transferId: out.transfer.id }, ali.token)).transfer
    await h.app.services.payments.settled()
    expect(t.state).toBe('payout_pending')
    expect(t.payout).toMatchObject({ state: 'queued', attempts: 1 })
    expect(t.payout.lastError).toContain('isp.unknow-error')
    const wait = Date.parse(t.payout.nextAttemptAt) - (Date.now() + offsetMs)
    expect(wait).toBeGreaterThan(20_000)
    expect(wait).toBeLessThanOrEqual(30_000)

    // Not due yet: nothing is sent.
    expect(await processDuePayouts(h.app.services)).toBe(0)
    offsetMs += 31_000
    expect(await processDuePayouts(h.app.services)).toBe(1)
    t = (await h.ok('getTransfer', { groupId, transferId: out.transfer.id }, ali.token)).transfer
    expect(t.state).toBe('settled')
    expect(t.payout).toMatchObject({ state: 'succeeded', attempts: 2 })
    expect(sandbox.transfersCreated).toBe(created + 1)
    expect(await processDuePayouts(h.app.services)).toBe(0)
    expect(sandbox.transfersCreated).toBe(created + 1)
  })

  test('ten concurrent deliveries of a first notification settle once', async () => {
    const { groupId, cm: aliM, dm: weiM } = await groupWhere(ali, wei, 777)
    const out = await h.ok('createPaymentOrder', { groupId, from: weiM, to: aliM, clientId: cid() }, wei.token)
    const order = (await sandbox.order(out.transfer.id))!
    order.state = 'paid'
    const n = sandbox.paymentNotification(order)
    const payments = async () => Number((await h.app.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM payments WHERE group_id = $1', [groupId])).rows[0].n)
    expect(await payments()).toBe(0)
    const created = sandbox.transfersCreated
    const replies = await Promise.all(Array.from({ length: 10 }, () => post(n)))
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(204))
    await h.app.services.payments.settled()
    expect(await payments()).toBe(1)
    expect(sandbox.transfersCreated).toBe(created + 1)
    const t = (await h.ok('getTransfer', { groupId, transferId: out.transfer.id }, wei.token)).transfer
    expect(t.state).toBe('settled')
    expect(t.history.filter((x: { to: string }) => x.to === 'paid')).toHaveLength(1)
  })

  test('the H5 sandbox channel', async () => {
    const { groupId, cm: aliM, dm: weiM } = await groupWhere(ali, wei, 200)
    const out = await h.ok('createPaymentOrder', { groupId, from: weiM, to: aliM, clientId: cid(), channel: 'sandbox' }, wei.token)
    expect(out.pay).toEqual({ kind: 'sandbox', orderId: out.transfer.id, wire: 'wechat', payUrl: `${h.url}/sandbox/pay?order=${out.transfer.id}` })
    const page = await fetch(out.pay.payUrl)
    expect(await page.text()).toContain('Sandbox wallet')
    expect((await h.app.services.payments.runtime()).mode).toBe('sandbox')
  })

  test('dev sign-ins without a wallet pay and receive through the sandbox', async () => {
    const dan = (await h.signIn('Dan')) as unknown as Who
    const eve = (await h.signIn('Eve')) as unknown as Who
    expect([dan.user.wallet, eve.user.wallet]).toEqual(['cash', 'cash'])
    const { groupId, cm: eveM, dm: danM } = await groupWhere(eve, dan, 350)
    const out = await h.ok('createPaymentOrder', { groupId, from: danM, to: eveM, clientId: cid() }, dan.token)
    expect(out.pay).toMatchObject({ kind: 'sandbox', wire: 'wechat' })
    await fetch(`${h.url}/sandbox/api/orders/${out.pay.orderId}/approve`, { method: 'POST' })
    await h.app.services.payments.settled()
    const t = (await h.ok('getTransfer', { groupId, transferId: out.transfer.id }, eve.token)).transfer
    expect(t.state).toBe('payout_pending')
    expect(t.payout).toMatchObject({ wallet: 'wechat', state: 'wait_user_confirm' })
    expect((await h.ok('getGroup', { groupId }, eve.token)).group.balances).toEqual({ [danM]: 0, [eveM]: 0 })
  })
})

describe('a new order for the same pair', () => {
  test.each([
    ['WeChat Pay', 'wei'],
    ['Alipay', 'ali']
  ])('replaces the open one and closes it at %s', async (_name, payerName) => {
    const payer = payerName === 'wei' ? wei : ali
    const payee = payerName === 'wei' ? ali : wei
    const { groupId, cm: payeeM, dm: payerM } = await groupWhere(payee, payer, 640)
    const first = await h.ok('createPaymentOrder', { groupId, from: payerM, to: payeeM, clientId: cid() }, payer.token)
    const second = await h.ok('createPaymentOrder', { groupId, from: payerM, to: payeeM, clientId: cid() }, payer.token)
    expect(second.transfer.id).not.toBe(first.transfer.id)
    const old = (await h.ok('getTransfer', { groupId, transferId: first.transfer.id }, payer.token)).transfer
    expect(old.state).toBe('cancelled')
    expect(old.history.at(-1).reason).toBe('replaced by a new order (closed)')
    expect((await sandbox.order(first.transfer.id))!.state).toBe('declined')
    const approveOld = await fetch(`${h.url}/sandbox/api/orders/${first.transfer.id}/approve`, { method: 'POST' })
    expect(approveOld.status).toBe(400)
    const items = (await h.ok('getTransfers', { groupId }, payee.token)).items
    expect(items.map((x: { state: string }) => x.state).sort()).toEqual(['cancelled', 'paying'])
  })
})

describe('refusals before any order exists', () => {
  test('a group in another currency, a payee without a wallet, and a server without payments', async () => {
    const { group } = await h.ok('createGroup', { clientId: cid(), name: 'Tokyo', currency: 'JPY' }, ali.token)
    const { token } = await h.ok('createInvite', { groupId: group.id, clientId: cid() }, ali.token)
    const joined = await h.ok('joinGroup', { clientId: cid(), token }, wei.token)
    await h.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 3000, group.me, [group.me, joined.group.me]), description: 'Ramen' }, ali.token)
    const yen = await h.call('createPaymentOrder', { groupId: group.id, from: joined.group.me, to: group.me, clientId: cid() }, wei.token)
    expect(yen.status).toBe(400)
    expect(yen.body.ok ? '' : yen.body.error.code).toBe('PAYMENT_CURRENCY')

    // A placeholder member (never signed in) has no wallet to receive in.
    const pg = (await h.ok('createGroup', { clientId: cid(), name: 'Picnic', currency: 'CNY', placeholders: ['Cat'] }, wei.token)).group
    const cat = pg.members.find((m: { name: string }) => m.name === 'Cat').id as string
    await h.ok('addExpense', { groupId: pg.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 600, cat, [cat, pg.me]), description: 'Bread' }, wei.token)
    const noWallet = await h.call('createPaymentOrder', { groupId: pg.id, from: pg.me, to: cat, clientId: cid() }, wei.token)
    expect(noWallet.body.ok ? '' : noWallet.body.error.code).toBe('PAYMENT_WALLET')
    expect(await h.app.db.query('SELECT 1 FROM pay_transfers WHERE group_id = $1', [pg.id]).then((r) => r.rows.length)).toBe(0)

    const off = await startHarness({ env: { SPLITPAY_MODE: 'dev', PAYMENTS_SANDBOX: 'off' } })
    try {
      const a = await off.signIn('A')
      const { group: og } = await off.ok('createGroup', { clientId: cid(), name: 'G', currency: 'CNY' }, a.token)
      const r = await off.call('createPaymentOrder', { groupId: og.id, from: og.me, to: og.me, clientId: cid() }, a.token)
      expect(r.status).toBe(400)
      expect(r.body.ok ? '' : r.body.error.code).toBe('PAYMENTS_DISABLED')
      const notify = await fetch(`${off.url}/notify/wechat`, { method: 'POST', body: '{}' })
      expect(notify.status).toBe(404)
      const page = await fetch(`${off.url}/sandbox/pay?order=x`)
      expect(page.status).toBe(404)
    } finally {
      await off.close()
    }
  })
})
