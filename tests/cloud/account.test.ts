/**
 * The person's rights over their data: exportMyData (everything about me, nothing private of anyone else) and
 * deleteAccount (refused while I owe, am owed or a payment of mine is on its way, writing nothing; otherwise every
 * trace of me is gone from every column of every table, the groups' balances stay as they were, my member stays as
 * an anonymous placeholder nobody can claim). Runs on PGlite and on PostgreSQL.
 */
import { cid, equalExpense, platformSignIn, SANDBOX_ENV, startHarness, type Harness } from './harness'

const ANON = '已注销用户'
const ALI_ID = '2088102177770042'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ env: SANDBOX_ENV, identity: platformSignIn(() => ALI_ID) })
  await h.app.services.payments.configure({ publicUrl: h.url })
})
afterAll(async () => {
  await h?.app.services.payments.settled()
  await h?.close()
})

type Session = { token: string; user: { id: string; name: string } }

async function join(groupId: string, ownerToken: string, who: Session, claimMemberId?: string) {
  const { token } = await h.api.ok('createInvite', { groupId, clientId: cid() }, ownerToken)
  return (await h.api.ok('joinGroup', { clientId: cid(), token, ...(claimMemberId ? { claimMemberId } : {}) }, who.token)).group
}

/** The call is refused with `status` and `code`, and nothing in the database changed. */
async function refused(action: string, input: unknown, token: string, status: number, code: string) {
  const before = await h.snapshot()
  const r = await h.api.call(action as 'getMe', input, token)
  expect([action, r.status, r.body.ok === false && r.body.error.code]).toEqual([action, status, code])
  expect(await h.snapshot()).toEqual(before)
  return r.body.ok === false ? r.body.error.details : undefined
}

/** Every column of every table, as text, that contains one of `needles` (case-insensitive): "table.column ~ needle". */
async function scan(needles: string[]): Promise<{ hits: string[]; columns: number; tables: number }> {
  const cols = await h.app.db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`
  )
  const hits: string[] = []
  for (const { table_name: t, column_name: c } of cols.rows) {
    const res = await h.app.db.query<{ n: string }>(
      `SELECT n FROM unnest($1::text[]) n WHERE EXISTS (SELECT 1 FROM "${t}" x WHERE strpos(lower(x."${c}"::text), lower(n)) > 0)`,
      [needles]
    )
    for (const r of res.rows) hits.push(`${t}.${c} ~ ${r.n}`)
  }
  return { hits, columns: cols.rows.length, tables: new Set(cols.rows.map((r) => r.table_name)).size }
}

describe('export and delete, end to end', () => {
  const name = `Erin ${cid()}`
  const qrImage = `data:image/png;base64,${Buffer.from(`erin-qr-${cid()}`).toString('base64')}`
  const avatar = `data:image/png;base64,${Buffer.from(`erin-face-${cid()}`).toString('base64')}`
  const finnQr = `data:image/png;base64,${Buffer.from(`finn-qr-${cid()}`).toString('base64')}`
  let erin: Session
  let finn: Session
  let gus: Session
  let a: { id: string; erin: string; finn: string; gus: string; pat: string }
  let b: { id: string; erin: string; finn: string; placeholder: string }
  let c: { id: string }
  let d: { id: string; erin: string }
  let avatarPath: string
  let deleteClientId: string
  let answer: unknown
  const balancesBefore: Record<string, Record<string, number>> = {}

  test('setup: a profile with a QR code and an avatar, four groups, consents and messages', async () => {
    erin = await h.signIn(name)
    finn = await h.signIn(`Finn ${cid()}`)
    gus = await h.signIn(`Gus ${cid()}`)
    const me = await h.api.ok('setWallet', { clientId: cid(), qrImage, avatar, wallet: 'alipay' }, erin.token)
    avatarPath = me.user.avatar!
    await h.api.ok('setWallet', { clientId: cid(), qrImage: finnQr }, finn.token)
    await h.api.ok('setNotifyPrefs', { clientId: cid(), prefs: { reminder: false } }, erin.token)

    // A: Erin organizes; Finn and Gus join; Pat is a placeholder
    const ga = (await h.api.ok('createGroup', { clientId: cid(), name: 'Hotpot', currency: 'CNY', placeholders: ['Pat'] }, erin.token)).group
    const fa = await join(ga.id, erin.token, finn)
    const ua = await join(ga.id, erin.token, gus)
    a = { id: ga.id, erin: ga.me, finn: fa.me, gus: ua.me, pat: ga.members.find((m) => m.name === 'Pat')!.id }
    await h.api.ok('markSeen', { groupId: a.id, version: 3 }, erin.token)

    // B: Finn organizes; Erin joins by taking over the placeholder Finn added for her
    const gb = (await h.api.ok('createGroup', { clientId: cid(), name: 'Ski trip', currency: 'EUR', placeholders: ['E.'] }, finn.token)).group
    const placeholder = gb.members.find((m) => m.name === 'E.')!.id
    const eb = await join(gb.id, finn.token, erin, placeholder)
    expect(eb.me).toBe(placeholder)
    b = { id: gb.id, erin: eb.me, finn: gb.me, placeholder }

    // C: Erin is the only one who joined (with a placeholder); settled
    const gc = (await h.api.ok('createGroup', { clientId: cid(), name: 'Solo', currency: 'JPY', placeholders: ['Quinn'] }, erin.token)).group
    await h.api.ok('addExpense', { groupId: gc.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 400, gc.me, [gc.me]), description: 'Ramen' }, erin.token)
    c = { id: gc.id }

    // D: Erin joined and left
    const gd = (await h.api.ok('createGroup', { clientId: cid(), name: 'Old flat', currency: 'CNY' }, finn.token)).group
    const ed = await join(gd.id, finn.token, erin)
    await h.api.ok('leaveGroup', { groupId: gd.id, clientId: cid() }, erin.token)
    d = { id: gd.id, erin: ed.me }

    // rows only a platform (WeChat chat, subscription panel, message sender, rate limiter) writes: made here by hand
    const now = new Date().toISOString()
    await h.app.db.query("INSERT INTO message_consents (user_id, kind, state, credits, updated_at) VALUES ($1, 'paid', 'accept', 2, $2)", [erin.user.id, now])
    await h.app.db.query("INSERT INTO message_outbox (user_id, kind, payload, state, created_at) VALUES ($1, 'paid', $2::jsonb, 'sent', $3)", [
      erin.user.id,
      JSON.stringify({ groupId: a.id, groupName: 'Hotpot', subject: finn.user.name, actor: finn.user.name, amount: 1 }),
      now
    ])
    await h.app.db.query("INSERT INTO message_outbox (user_id, kind, payload, state, created_at) VALUES ($1, 'expense', $2::jsonb, 'queued', $3)", [
      finn.user.id,
      JSON.stringify({ groupId: a.id, groupName: 'Hotpot', subject: 'Hotpot', actor: name, amount: 300 }),
      now
    ])
    await h.app.db.query('INSERT INTO group_chats (group_id, open_gid, linked_by, created_at) VALUES ($1, $2, $3, $4)', [a.id, `G${cid()}`, erin.user.id, now])
    await h.app.db.query('INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, 0, 1), ($2, 0, 1)', [`u:${erin.user.id}`, `dev:${name.toLowerCase()}`])
  })

  test('deleteAccount while I owe: ACCOUNT_HAS_BALANCE with the group and amount, nothing written', async () => {
    await h.api.ok('addExpense', { groupId: a.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 900, a.finn, [a.erin, a.finn, a.gus]), description: 'Broth' }, finn.token)
    const details = await refused('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, erin.token, 409, 'ACCOUNT_HAS_BALANCE')
    expect(details).toEqual({ groups: [{ groupId: a.id, groupName: 'Hotpot', memberId: a.erin, balance: -300, currency: 'CNY' }] })
    // the confirmation is required
    await refused('deleteAccount', { clientId: cid() }, erin.token, 400, 'INVALID_INPUT')
    await refused('deleteAccount', { clientId: cid(), confirm: 'delete' }, erin.token, 400, 'INVALID_INPUT')
  })

  test('a payment I recorded, waiting for its receiver: ACCOUNT_PAYMENT_IN_PROGRESS, nothing written', async () => {
    const paid = await h.api.ok('recordPayment', { groupId: a.id, clientId: cid(), from: a.erin, to: a.finn, amount: 300 }, erin.token)
    expect(paid.payment.status).toBe('pending')
    const details = await refused('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, erin.token, 409, 'ACCOUNT_PAYMENT_IN_PROGRESS')
    expect(details).toEqual({ items: [{ groupId: a.id, kind: 'payment', id: paid.payment.id, state: 'pending' }] })
    await h.api.ok('confirmPayment', { groupId: a.id, clientId: cid(), paymentId: paid.payment.id }, finn.token)
  })

  test('while I am owed: ACCOUNT_HAS_BALANCE; a payment to me waiting: ACCOUNT_PAYMENT_IN_PROGRESS', async () => {
    await h.api.ok('addExpense', { groupId: b.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 600, b.erin, [b.erin, b.finn]), description: 'Lift pass' }, erin.token)
    expect(await refused('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, erin.token, 409, 'ACCOUNT_HAS_BALANCE')).toEqual({
      groups: [{ groupId: b.id, groupName: 'Ski trip', memberId: b.erin, balance: 300, currency: 'EUR' }]
    })
    const paid = await h.api.ok('recordPayment', { groupId: b.id, clientId: cid(), from: b.finn, to: b.erin, amount: 300 }, finn.token)
    expect(await refused('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, erin.token, 409, 'ACCOUNT_PAYMENT_IN_PROGRESS')).toEqual({
      items: [{ groupId: b.id, kind: 'payment', id: paid.payment.id, state: 'pending' }]
    })
    await h.api.ok('confirmPayment', { groupId: b.id, clientId: cid(), paymentId: paid.payment.id }, erin.token)
    // Gus still owes Finn in A: the group's balances are not all zero, and must stay as they are
    const ga = (await h.api.ok('getGroup', { groupId: a.id }, finn.token)).group
    expect(ga.balances).toMatchObject({ [a.erin]: 0, [a.finn]: 300, [a.gus]: -300 })
  })

  test('exportMyData: my profile, images, groups, expenses, payments, consents; no one else’s QR code', async () => {
    const out = await h.api.ok('exportMyData', {}, erin.token)
    expect(Date.parse(out.exportedAt)).not.toBeNaN()
    expect(out.user).toMatchObject({ id: erin.user.id, provider: 'dev', subject: name.toLowerCase(), name, wallet: 'alipay', locale: 'zh-CN', nameChosen: true, notifyPrefs: { reminder: false } })
    expect(out.images).toEqual({ qrImage, avatar: { path: avatarPath, dataUrl: avatar } })
    const groups = Object.fromEntries(out.memberships.map((m) => [m.groupId, m]))
    expect(Object.keys(groups).sort()).toEqual([a.id, b.id, c.id, d.id].sort())
    expect(groups[a.id]).toMatchObject({ groupName: 'Hotpot', currency: 'CNY', memberId: a.erin, role: 'organizer', leftAt: null, balance: 0 })
    expect(groups[b.id]).toMatchObject({ groupName: 'Ski trip', currency: 'EUR', memberId: b.erin, memberName: 'E.', role: 'member', balance: 0 })
    expect(groups[d.id]!.leftAt).not.toBeNull()
    expect(groups[a.id]!.members.map((m) => m.memberId).sort()).toEqual([a.erin, a.finn, a.gus, a.pat].sort())
    // expenses I paid for or have a share in, in integer minor units
    const byDesc = Object.fromEntries(out.expenses.map((e) => [e.description, e]))
    expect(Object.keys(byDesc).sort()).toEqual(['Broth', 'Lift pass', 'Ramen'])
    expect(byDesc.Broth).toMatchObject({ groupId: a.id, currency: 'CNY', myPaid: 0, myShare: 300, deletedAt: null })
    expect(byDesc['Lift pass']).toMatchObject({ groupId: b.id, currency: 'EUR', myPaid: 600, myShare: 300 })
    expect(byDesc.Ramen).toMatchObject({ groupId: c.id, currency: 'JPY', myPaid: 400, myShare: 400 })
    for (const e of out.expenses) expect(Number.isInteger(e.myShare) && Number.isInteger(e.myPaid)).toBe(true)
    expect(out.payments.map((p) => [p.groupId, p.direction, p.amount, p.status])).toEqual([
      [a.id, 'sent', 300, 'confirmed'],
      [b.id, 'received', 300, 'confirmed']
    ])
    expect(out.transfers).toEqual([])
    expect(out.messageConsents).toEqual([expect.objectContaining({ kind: 'paid', state: 'accept', credits: 2 })])
    expect(out.messages).toHaveLength(1)
    expect(out.reads).toEqual([{ groupId: a.id, version: 3 }])
    expect(out.chats).toEqual([{ groupId: a.id, linkedAt: expect.any(String) }])
    // Finn's QR code is his: not in my export (his name, as a member of my groups, is)
    const text = JSON.stringify(out)
    expect(text).not.toContain(finnQr)
    expect(text).toContain(finn.user.name)
    // a read: nothing written
    const before = await h.snapshot()
    await h.api.ok('exportMyData', {}, erin.token)
    expect(await h.snapshot()).toEqual(before)
  })

  test('deleteAccount once settled: the answer, and a retry with the same clientId gets it again', async () => {
    for (const g of [a.id, b.id, d.id]) balancesBefore[g] = (await h.api.ok('getGroup', { groupId: g }, finn.token)).group.balances
    // the scan finds me before (so finding nothing afterwards means something)
    const needles = [erin.user.id, name.toLowerCase(), name, qrImage, avatar]
    const found = (await scan(needles)).hits
    for (const where of ['users.id', 'users.subject', 'users.name', 'users.qr_image', 'users.avatar', 'members.name', 'members.user_id', 'activity.actor_name', 'idempotency.user_id', 'rate_limits.key']) {
      expect(found.some((x) => x.startsWith(`${where} ~`))).toBe(true)
    }
    expect((await fetch(`${h.url}${avatarPath}`)).status).toBe(200)

    deleteClientId = cid()
    answer = await h.api.ok('deleteAccount', { clientId: deleteClientId, confirm: 'DELETE' }, erin.token)
    expect(answer).toEqual({ deleted: true, deletedAt: expect.any(String), groups: { anonymized: 3, deleted: 1 } })
    expect(await h.api.ok('deleteAccount', { clientId: deleteClientId, confirm: 'DELETE' }, erin.token)).toEqual(answer)
  })

  test('nothing in any column of any table holds my id, my platform subject, my name, my QR code or my avatar', async () => {
    const { hits, columns, tables } = await scan([erin.user.id, name.toLowerCase(), name, qrImage, avatar])
    expect(tables).toBeGreaterThanOrEqual(20)
    expect(columns).toBeGreaterThan(100)
    expect(hits).toEqual([])
    expect((await fetch(`${h.url}${avatarPath}`)).status).toBe(404)
  })

  test('my old session gets a 401 with the auth code; another deletion with it too', async () => {
    for (const [action, input] of [
      ['getMe', {}],
      ['exportMyData', {}],
      ['listGroups', {}],
      ['deleteAccount', { clientId: cid(), confirm: 'DELETE' }],
      ['setWallet', { clientId: cid(), name: 'Back' }]
    ] as const) {
      const r = await h.api.call(action, input, erin.token)
      expect([action, r.status, r.body.ok === false && r.body.error.code]).toEqual([action, 401, 'UNAUTHENTICATED'])
    }
  })

  test('every group keeps its balances; my member is an anonymous placeholder; the organizer role moved', async () => {
    for (const g of [a.id, b.id, d.id]) expect([g, (await h.api.ok('getGroup', { groupId: g }, finn.token)).group.balances]).toEqual([g, balancesBefore[g]])
    const ga = (await h.api.ok('getGroup', { groupId: a.id }, gus.token)).group
    expect(ga.members.find((m) => m.id === a.erin)).toMatchObject({ name: ANON, userId: null, role: 'member', left: true, avatar: null, hasQr: false })
    expect(ga.members.find((m) => m.id === a.finn)!.role).toBe('organizer')
    expect(ga.members.filter((m) => m.role === 'organizer')).toHaveLength(1)
    expect(ga.balances).toMatchObject({ [a.erin]: 0, [a.finn]: 300, [a.gus]: -300 })
    const [entry] = (await h.api.ok('listActivity', { groupId: a.id }, finn.token)).items
    expect(entry).toMatchObject({ kind: 'member.leave', actor: { memberId: a.erin, name: ANON }, data: { memberId: a.erin, name: ANON, organizer: a.finn, erased: true } })
    const gb = (await h.api.ok('getGroup', { groupId: b.id }, finn.token)).group
    expect(gb.members.find((m) => m.id === b.erin)).toMatchObject({ name: ANON, userId: null, left: true })
    expect(gb.members.find((m) => m.id === b.finn)!.role).toBe('organizer')
    const gd = (await h.api.ok('getGroup', { groupId: d.id }, finn.token)).group
    expect(gd.members.find((m) => m.id === d.erin)).toMatchObject({ name: ANON, userId: null, left: true })
    // the group where I was the only one who joined is deleted, the way deleteGroup deletes one
    const gc = await h.app.db.query<{ deleted_at: unknown; created_by: string; provider: string }>(
      'SELECT g.deleted_at, g.created_by, u.provider FROM groups g JOIN users u ON u.id = g.created_by WHERE g.id = $1',
      [c.id]
    )
    expect(gc.rows[0]!.deleted_at).not.toBeNull()
    // what had to name a user names a tombstone
    expect(gc.rows[0]!.provider).toBe('deleted')
    const chat = await h.app.db.query<{ provider: string; name: string }>('SELECT u.provider, u.name FROM group_chats c JOIN users u ON u.id = c.linked_by WHERE c.group_id = $1', [a.id])
    expect(chat.rows).toEqual([{ provider: 'deleted', name: ANON }])
    // Finn's queued message names the anonymous member now
    const queued = await h.app.db.query<{ payload: unknown }>("SELECT payload FROM message_outbox WHERE user_id = $1 AND kind = 'expense'", [finn.user.id])
    expect(JSON.stringify(queued.rows[0]!.payload)).toContain(ANON)
  })

  test('the anonymous member can be neither claimed by a joiner nor renamed', async () => {
    const { token } = await h.api.ok('createInvite', { groupId: a.id, clientId: cid() }, finn.token)
    const hal = await h.signIn(`Hal ${cid()}`)
    const preview = await h.api.ok('previewInvite', { token }, hal.token)
    expect(preview.invite.placeholders.map((p) => p.id)).toEqual([a.pat])
    await refused('joinGroup', { clientId: cid(), token, claimMemberId: a.erin }, hal.token, 409, 'MEMBER_LEFT')
    await refused('claimMember', { groupId: a.id, clientId: cid(), memberId: a.erin }, gus.token, 409, 'MEMBER_LEFT')
    await refused('renameMember', { groupId: a.id, clientId: cid(), memberId: a.erin, name }, finn.token, 409, 'MEMBER_LEFT')
    await refused('handOverOrganizer', { groupId: a.id, clientId: cid(), memberId: a.erin }, finn.token, 409, 'MEMBER_NOT_JOINED')
    // the placeholder nobody erased still can be claimed
    const joined = await h.api.ok('joinGroup', { clientId: cid(), token, claimMemberId: a.pat }, hal.token)
    expect(joined.group.me).toBe(a.pat)
  })

  test('signing in again with the same identity makes a new, empty user', async () => {
    const again = await h.signIn(name)
    expect(again.user.id).not.toBe(erin.user.id)
    expect(again.user).toMatchObject({ name, hasQr: false, avatar: null })
    expect((await h.api.ok('listGroups', {}, again.token)).items).toEqual([])
    const out = await h.api.ok('exportMyData', {}, again.token)
    expect(out).toMatchObject({ images: { qrImage: null, avatar: null }, memberships: [], expenses: [], payments: [], messageConsents: [] })
    expect(out.user.notifyPrefs).toEqual({})
    await h.api.call('getGroup', { groupId: a.id }, again.token).then((r) => expect(r.status).toBe(403))
    // the retry of the old deletion still answers as before, and touched nothing of the new user
    expect(await h.api.ok('deleteAccount', { clientId: deleteClientId, confirm: 'DELETE' }, erin.token)).toEqual(answer)
    expect((await h.api.ok('getMe', {}, again.token)).user.id).toBe(again.user.id)
  })
})

describe('a wallet transfer on its way', () => {
  test('refused for payer and payee while it is paid and paid out; afterwards the payer is deleted, balances unchanged', async () => {
    const wei = (await h.ok('signIn', { provider: 'wechat', code: `wei${cid()}` })) as Session
    const ali = (await h.ok('signIn', { provider: 'alipay', code: 'ali' })) as Session
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Dinner', currency: 'CNY' }, ali.token)
    const joined = await join(group.id, ali.token, wei)
    const aliM = group.me
    const weiM = joined.me
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 2000, aliM, [aliM, weiM]), description: 'Duck' }, ali.token)
    const order = await h.ok('createPaymentOrder', { groupId: group.id, from: weiM, to: aliM, clientId: cid() }, wei.token)
    expect(order.transfer.state).toBe('paying')

    const item = { groupId: group.id, kind: 'transfer', id: order.transfer.id, state: 'paying' }
    expect(await refused('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, wei.token, 409, 'ACCOUNT_PAYMENT_IN_PROGRESS')).toEqual({ items: [item] })
    expect(await refused('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, ali.token, 409, 'ACCOUNT_PAYMENT_IN_PROGRESS')).toEqual({ items: [item] })

    // approved in the wallet: paid, then paid out to Alipay
    const res = await fetch(`${h.url}/sandbox/api/orders/${order.transfer.id}/approve`, { method: 'POST' })
    expect(res.status).toBe(200)
    await h.app.services.payments.settled()
    expect((await h.ok('getTransfer', { groupId: group.id, transferId: order.transfer.id }, ali.token)).transfer.state).toBe('settled')

    const before = (await h.api.ok('getGroup', { groupId: group.id }, ali.token)).group.balances
    expect(before).toEqual({ [aliM]: 0, [weiM]: 0 })
    await h.api.ok('deleteAccount', { clientId: cid(), confirm: 'DELETE' }, wei.token)
    const after = (await h.api.ok('getGroup', { groupId: group.id }, ali.token)).group
    expect(after.balances).toEqual(before)
    expect(after.members.find((m) => m.id === weiM)).toMatchObject({ name: ANON, userId: null, left: true })
    const creator = await h.app.db.query<{ provider: string }>('SELECT u.provider FROM pay_transfers t JOIN users u ON u.id = t.created_by WHERE t.id = $1', [order.transfer.id])
    expect(creator.rows).toEqual([{ provider: 'deleted' }])
    expect((await h.api.call('getMe', {}, wei.token)).status).toBe(401)
  })
})
