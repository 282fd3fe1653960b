/** The whole action set over HTTP against the real function. */
import type { ActionOutput, ActivityView } from '../../src/api'
import { cid, equalExpense, startHarness, sum, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

describe('the action set', () => {
  let ann: { token: string; user: { id: string } }
  let bob: { token: string; user: { id: string } }
  let groupId: string
  let annM: string
  let bobM: string
  let cat: string

  test('signIn (dev) and getMe', async () => {
    ann = await h.signIn('Ann')
    bob = await h.signIn('Bob')
    expect(ann.token).toMatch(/^sp1\./)
    const me = await h.api.ok('getMe', {}, ann.token)
    expect(me.user).toMatchObject({ id: ann.user.id, name: 'Ann', wallet: 'cash', hasQr: false, locale: 'zh-CN' })
    // The same dev name is the same person.
    const again = await h.signIn('ann')
    expect(again.user.id).toBe(ann.user.id)
  })

  test('setWallet stores the wallet, a QR image, name and locale', async () => {
    const qr = 'data:image/png;base64,iVBORw0KGgo='
    const out = await h.api.ok('setWallet', { clientId: cid(), wallet: 'alipay', qrImage: qr, locale: 'en' }, bob.token)
    expect(out.user).toMatchObject({ wallet: 'alipay', hasQr: true, locale: 'en', name: 'Bob' })
    const bad = await h.api.call('setWallet', { clientId: cid(), qrImage: 'javascript:alert(1)' }, bob.token)
    expect(bad.status).toBe(400)
    expect(bad.body.ok).toBe(false)
  })

  test('createGroup with a placeholder; listGroups', async () => {
    const out = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip 🏔️', currency: 'CNY', placeholders: ['Cat'] }, ann.token)
    groupId = out.group.id
    annM = out.group.me
    expect(out.group.version).toBe(1)
    expect(out.group.members).toHaveLength(2)
    cat = out.group.members.find((m) => m.name === 'Cat')!.id
    expect(out.group.members.find((m) => m.id === cat)!.userId).toBeNull()
    const list = await h.api.ok('listGroups', {}, ann.token)
    expect(list.items.map((g) => g.id)).toContain(groupId)
    expect(list.items[0]).toMatchObject({ memberCount: 2, myBalance: 0 })
  })

  test('createInvite, previewInvite, joinGroup', async () => {
    const inv = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const preview = await h.api.ok('previewInvite', { token: inv.token }, bob.token)
    expect(preview.invite).toMatchObject({ groupId, name: 'Trip 🏔️', memberCount: 2, alreadyMember: false })
    expect(preview.invite.placeholders).toEqual([{ id: cat, name: 'Cat' }])
    const joined = await h.api.ok('joinGroup', { clientId: cid(), token: inv.token }, bob.token)
    bobM = joined.group.me
    expect(joined.group.members).toHaveLength(3)
    expect(joined.group.members.find((m) => m.id === bobM)).toMatchObject({ userId: bob.user.id, wallet: 'alipay', hasQr: true })
  })

  test('getMemberQr for a member of the same group', async () => {
    const qr = await h.api.ok('getMemberQr', { groupId, memberId: bobM }, ann.token)
    expect(qr).toMatchObject({ wallet: 'alipay', qrImage: 'data:image/png;base64,iVBORw0KGgo=' })
  })

  test('addMember adds a placeholder by name', async () => {
    const out = await h.api.ok('addMember', { groupId, clientId: cid(), name: 'Dan' }, bob.token)
    expect(out.member).toMatchObject({ name: 'Dan', userId: null })
    const g = await h.api.ok('getGroup', { groupId }, ann.token)
    expect(g.group.members.map((m) => m.name)).toEqual(['Ann', 'Cat', 'Bob', 'Dan'])
  })

  let e1: string
  test('addExpense: balances and plan from the domain; sums to zero', async () => {
    e1 = `e_${cid()}`
    const out = await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(e1, 10000, annM, [annM, bobM, cat]), description: 'Dinner', date: '2026-11-20' }, ann.token)
    expect(out.expense).toMatchObject({ id: e1, description: 'Dinner', category: 'other', date: '2026-11-20', createdBy: annM })
    expect(sum(out.expense.shares)).toBe(10000)
    const g = (await h.api.ok('getGroup', { groupId }, bob.token)).group
    expect(g.version).toBe(out.version)
    expect(sum(g.balances)).toBe(0)
    expect(g.balances[annM]).toBe(10000 - out.expense.shares[annM])
    expect(g.balances[bobM]).toBe(-out.expense.shares[bobM])
    expect(g.totalSpent).toBe(10000)
    expect(g.expenseCount).toBe(1)
    expect(g.plan.every((t) => t.to === annM && t.state === 'open')).toBe(true)
    expect(g.plan.reduce((a: number, t) => a + t.amount, 0)).toBe(10000 - out.expense.shares[annM])
  })

  test('addExpense rejects money-rule violations with the domain code', async () => {
    const bad = { id: `e_${cid()}`, amount: 1000, paidBy: { [annM]: 900 }, split: { mode: 'equal', members: [annM] } }
    const r = await h.api.call('addExpense', { groupId, clientId: cid(), expense: bad, description: 'x' }, ann.token)
    expect(r.status).toBe(400)
    expect(r.body.ok === false && r.body.error.code).toBe('PAYERS_TOTAL')
    const stranger = await h.api.call('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 100, annM, [annM, 'm_nobody']), description: 'x' }, ann.token)
    expect(stranger.status).toBe(400)
    expect(stranger.body.ok === false && stranger.body.error.code).toBe('UNKNOWN_MEMBER')
  })

  test('editExpense with the current version; a stale version is a 409', async () => {
    const g = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    const out = await h.api.ok(
      'editExpense',
      { groupId, clientId: cid(), expectedVersion: g.version, expense: equalExpense(e1, 12000, annM, [annM, bobM]), description: 'Dinner + drinks' },
      bob.token
    )
    expect(out.version).toBe(g.version + 1)
    expect(out.expense.shares).toEqual({ [annM]: 6000, [bobM]: 6000 })
    const stale = await h.api.call('editExpense', { groupId, clientId: cid(), expectedVersion: g.version, expense: equalExpense(e1, 5000, annM, [annM, bobM]) }, ann.token)
    expect(stale.status).toBe(409)
    expect(stale.body.ok === false && stale.body.error.code).toBe('VERSION_CONFLICT')
    const after = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    expect(after.balances[bobM]).toBe(-6000)
  })

  test('listExpenses pages through every expense (more than one page)', async () => {
    for (let i = 0; i < 7; i++) {
      await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 100 + i, bobM, [annM, bobM, cat]), description: `Item ${i}`, date: `2026-11-0${i + 1}` }, bob.token)
    }
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: ActionOutput<'listExpenses'> = await h.api.ok('listExpenses', { groupId, limit: 3, ...(cursor ? { cursor } : {}) }, ann.token)
      seen.push(...page.items.map((e) => e.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(seen).toHaveLength(8)
    expect(new Set(seen).size).toBe(8)
    expect(pages).toBe(3)
    expect(seen[0]).toBe(e1) // newest date first
    const bad = await h.api.call('listExpenses', { groupId, cursor: 'bm90LWEtY3Vyc29y' }, ann.token)
    expect(bad.status).toBe(400)
  })

  test('deleteExpense soft-deletes: gone from lists and balances, kept in the activity', async () => {
    const before = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    const out = await h.api.ok('deleteExpense', { groupId, clientId: cid(), expenseId: e1, expectedVersion: before.version }, ann.token)
    expect(out.version).toBe(before.version + 1)
    const g = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    expect(g.expenseCount).toBe(before.expenseCount - 1)
    expect(g.balances[bobM]).toBe(before.balances[bobM] + 6000)
    expect(sum(g.balances)).toBe(0)
    const again = await h.api.call('deleteExpense', { groupId, clientId: cid(), expenseId: e1 }, ann.token)
    expect(again.status).toBe(409)
    const row = await h.app.db.query<{ deleted_at: unknown }>('SELECT deleted_at FROM expenses WHERE id = $1', [e1])
    expect(row.rows[0].deleted_at).not.toBeNull()
  })

  test('recordPayment by the payer is pending until the receiver confirms', async () => {
    const g = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    const owes = -g.balances[annM]
    expect(owes).toBeGreaterThan(0)
    const rec = await h.api.ok('recordPayment', { groupId, clientId: cid(), from: annM, to: bobM, amount: owes, method: 'direct' }, ann.token)
    expect(rec.payment.status).toBe('pending')
    const mid = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    expect(mid.balances).toEqual(g.balances)
    expect(mid.pendingPayments.map((p) => p.id)).toEqual([rec.payment.id])
    expect(mid.plan.find((t) => t.from === annM && t.to === bobM)?.state).toBe('pending')
    const notReceiver = await h.api.call('confirmPayment', { groupId, clientId: cid(), paymentId: rec.payment.id }, ann.token)
    expect(notReceiver.status).toBe(403)
    const conf = await h.api.ok('confirmPayment', { groupId, clientId: cid(), paymentId: rec.payment.id }, bob.token)
    expect(conf.payment.status).toBe('confirmed')
    const after = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    expect(after.balances[annM]).toBe(0)
    expect(sum(after.balances)).toBe(0)
    expect(after.plan.some((t) => t.from === annM)).toBe(false)
    const twice = await h.api.call('confirmPayment', { groupId, clientId: cid(), paymentId: rec.payment.id }, bob.token)
    expect(twice.status).toBe(409)
  })

  test('recordPayment rejects a self-payment and a zero amount with domain codes', async () => {
    const self = await h.api.call('recordPayment', { groupId, clientId: cid(), from: annM, to: annM, amount: 100 }, ann.token)
    expect(self.body.ok === false && self.body.error.code).toBe('PAYMENT_SELF')
    const zero = await h.api.call('recordPayment', { groupId, clientId: cid(), from: annM, to: bobM, amount: 0 }, ann.token)
    expect(zero.status).toBe(400)
  })

  test('claimMember: a person who joined takes over a placeholder', async () => {
    const cy = await h.signIn('Cy')
    const inv = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
    const joined = await h.api.ok('joinGroup', { clientId: cid(), token: inv.token }, cy.token)
    const tmp = joined.group.me
    const claimed = await h.api.ok('claimMember', { groupId, clientId: cid(), memberId: cat }, cy.token)
    expect(claimed.group.me).toBe(cat)
    expect(claimed.group.members.find((m) => m.id === cat)!.userId).toBe(cy.user.id)
    expect(claimed.group.members.some((m) => m.id === tmp)).toBe(false)
    // Cat's share of earlier expenses is now Cy's.
    expect(claimed.group.balances[cat]).toBeLessThan(0)
    const taken = await h.api.call('claimMember', { groupId, clientId: cid(), memberId: cat }, bob.token)
    expect(taken.status).toBe(409)
    expect(taken.body.ok === false && taken.body.error.code).toBe('MEMBER_CLAIMED')
  })

  test('joinGroup can claim a placeholder directly', async () => {
    const dee = await h.signIn('Dee')
    const inv = await h.api.ok('createInvite', { groupId, clientId: cid() }, bob.token)
    const g = (await h.api.ok('getGroup', { groupId }, bob.token)).group
    const dan = g.members.find((m) => m.name === 'Dan')!.id
    const joined = await h.api.ok('joinGroup', { clientId: cid(), token: inv.token, claimMemberId: dan }, dee.token)
    expect(joined.group.me).toBe(dan)
    expect(joined.group.members).toHaveLength(g.members.length)
  })

  test('revokeInvite: the token stops working', async () => {
    const inv = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
    await h.api.ok('revokeInvite', { groupId, clientId: cid(), inviteId: inv.inviteId }, ann.token)
    const eve = await h.signIn('Eve')
    const r = await h.api.call('joinGroup', { clientId: cid(), token: inv.token }, eve.token)
    expect(r.status).toBe(409)
    expect(r.body.ok === false && r.body.error.code).toBe('INVITE_REVOKED')
  })

  test('listActivity: who changed what, when; version per change; pages through all', async () => {
    const g = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    const items: ActivityView[] = []
    let cursor: string | null = null
    do {
      const page: ActionOutput<'listActivity'> = await h.api.ok('listActivity', { groupId, limit: 4, ...(cursor ? { cursor } : {}) }, bob.token)
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(items).toHaveLength(g.version)
    expect(items.map((a) => a.version)).toEqual(Array.from({ length: g.version }, (_, i) => g.version - i))
    expect(items[items.length - 1]).toMatchObject({ kind: 'group.create', actor: { memberId: annM, name: 'Ann' } })
    const edit = items.find((a) => a.kind === 'expense.edit')!
    expect(edit.data).toMatchObject({ expenseId: e1, before: { amount: 10000 }, after: { amount: 12000, description: 'Dinner + drinks' } })
    expect(edit.actor.name).toBe('Bob')
    expect(items.find((a) => a.kind === 'expense.delete')!.data).toMatchObject({ expenseId: e1 })
  })

  test('setWallet with a new name renames the person in their groups', async () => {
    await h.api.ok('setWallet', { clientId: cid(), name: 'Bobby' }, bob.token)
    const g = (await h.api.ok('getGroup', { groupId }, ann.token)).group
    expect(g.members.find((m) => m.id === bobM)!.name).toBe('Bobby')
    await h.api.ok('setWallet', { clientId: cid(), name: 'Bob' }, bob.token)
  })

  test('exportGroup as CSV and JSON', async () => {
    const csv = await h.api.ok('exportGroup', { groupId, format: 'csv' }, ann.token)
    expect(csv.contentType).toMatch(/text\/csv/)
    const lines = csv.content.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toMatch(/^type,date,description,category,amount,currency,rate,paid by,Ann,/)
    expect(lines.filter((l: string) => l.startsWith('expense,'))).toHaveLength(7)
    expect(lines.some((l: string) => l.startsWith('expense,2026-11-01,Item 0,other,1.00,CNY'))).toBe(true)
    expect(lines.filter((l: string) => l.startsWith('payment,'))).toHaveLength(1)
    const json = await h.api.ok('exportGroup', { groupId, format: 'json' }, ann.token)
    const data = JSON.parse(json.content) as { expenses: { deletedAt: string | null }[]; balances: Record<string, number> }
    expect(data.expenses).toHaveLength(8)
    expect(data.expenses.filter((e) => e.deletedAt)).toHaveLength(1)
    expect(sum(data.balances)).toBe(0)
  })

  test('a retried mutation (same clientId) returns the first result and writes nothing', async () => {
    const clientId = cid()
    const input = { groupId, clientId, expense: equalExpense(`e_${cid()}`, 333, annM, [annM, bobM]), description: 'Taxi' }
    const first = await h.api.call('addExpense', input, ann.token)
    const before = await h.snapshot()
    const second = await h.api.call('addExpense', input, ann.token)
    expect(second).toEqual(first)
    expect(await h.snapshot()).toEqual(before)
    const other = await h.api.call('deleteExpense', { groupId, clientId, expenseId: e1 }, ann.token)
    expect(other.status).toBe(409)
    expect(other.body.ok === false && other.body.error.code).toBe('CLIENT_ID_REUSED')
  })
})

describe('HTTP entry', () => {
  test('CORS preflight and headers', async () => {
    const pre = await h.raw('', { origin: 'http://localhost:10086', 'access-control-request-method': 'POST' }, '/api', 'OPTIONS')
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('*')
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/)
    const post = await h.raw(JSON.stringify({ action: 'getMe', input: {} }))
    expect(post.headers.get('access-control-allow-origin')).toBe('*')
  })

  test('unknown action 404, GET /api 405, unknown path 404, health', async () => {
    const unknown = await h.raw(JSON.stringify({ action: 'dropTables', input: {} }))
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text).error.code).toBe('UNKNOWN_ACTION')
    expect((await h.raw('', {}, '/api', 'GET')).status).toBe(405)
    expect((await h.raw('{}', {}, '/nope')).status).toBe(404)
    expect(JSON.parse((await h.raw('', {}, '/health', 'GET')).text)).toEqual({ ok: true })
  })
})
