/**
 * Reminders and platform messages against local HTTP fakes of WeChat's API host and Alipay's gateway: the exact
 * requests the function sends, the access token kept in the database and refreshed once, a stale token refreshed
 * and the message sent again, a refusal remembered, one reminder per transfer per 12 hours, and each kind of
 * message going only to those who agreed to it and want it.
 */
import { accessToken } from '../../cloud/messages/wechat'
import { cid, equalExpense, startHarness, type Harness } from './harness'
import { startAlipayGateway, startWechatApi } from './support/platform-fakes'

const WECHAT_TEMPLATES = { reminder: 'TPL-REMIND', expense: 'TPL-EXPENSE', paid: 'TPL-PAID', confirmed: 'TPL-CONFIRMED' }
const ALIPAY_TEMPLATES = { reminder: 'ALI-REMIND', expense: 'ALI-EXPENSE', paid: 'ALI-PAID', confirmed: 'ALI-CONFIRMED' }
const list = (t: Record<string, string>) => Object.entries(t).map(([k, v]) => `${k}=${v}`).join(',')

let h: Harness
let wechat: Awaited<ReturnType<typeof startWechatApi>>
let alipay: Awaited<ReturnType<typeof startAlipayGateway>>
let now = Date.parse('2026-11-30T08:00:00.000Z')

beforeAll(async () => {
  wechat = await startWechatApi({ appId: 'wx-fake-app', secret: 'wx-fake-secret' })
  alipay = await startAlipayGateway()
  for (const id of Object.values(WECHAT_TEMPLATES)) wechat.state.templates.add(id)
  for (const id of Object.values(ALIPAY_TEMPLATES)) alipay.state.templates.add(id)
  h = await startHarness({
    clock: () => new Date(now),
    env: {
      WECHAT_APP_ID: 'wx-fake-app',
      WECHAT_APP_SECRET: 'wx-fake-secret',
      WECHAT_API_BASE: wechat.origin,
      WECHAT_TEMPLATES: list(WECHAT_TEMPLATES),
      ...alipay.env,
      ALIPAY_GATEWAY: alipay.gateway,
      ALIPAY_TEMPLATES: list(ALIPAY_TEMPLATES)
    },
    identity: {
      // code2Session: the code "wx-<openid>" belongs to that openid
      fetch: async (url) => ({ ok: true, status: 200, json: async () => ({ openid: new URL(url).searchParams.get('js_code')!.slice(3), session_key: 'sk' }) })
    }
  })
})
afterAll(async () => {
  await h?.close()
  await wechat?.close()
  await alipay?.close()
})

const sent = () => h.app.services.messages.settled()
const wechatSends = () => wechat.state.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send')

async function wechatUser(name: string) {
  const openid = `o${cid()}`
  const out = await h.api.ok('signIn', { provider: 'wechat', code: `wx-${openid}`, name })
  return { ...out, openid }
}

/** 小明 (organizer, paid 86.50 for two) and 小红 (owes him 43.25), both on WeChat. */
async function dinner(payer?: { token: string }) {
  const owner = await wechatUser('小明')
  const red = payer ? { ...payer } : await wechatUser('小红')
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '周末露营', currency: 'CNY', emoji: '🏕️' }, owner.token)
  const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
  const redId = (await h.api.ok('joinGroup', { clientId: cid(), token }, red.token)).group.me
  await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 8650, group.me, [group.me, redId]), description: '烧烤' }, owner.token)
  await sent()
  return { owner, red, group, redId }
}

test('the organizer reminds a payer who subscribed: one subscribeMessage.send, exactly as published, opening the settle page on that transfer', async () => {
  const red = await wechatUser('小红')
  const settings = await h.api.ok('recordConsent', { clientId: cid(), results: { [WECHAT_TEMPLATES.reminder]: 'accept', [WECHAT_TEMPLATES.paid]: 'reject' } }, red.token)
  expect(settings.platform).toBe('wechat')
  expect(settings.templates).toEqual(WECHAT_TEMPLATES)
  expect(settings.consents).toEqual({ reminder: { state: 'accept', credits: 1 }, paid: { state: 'reject', credits: 0 } })
  wechat.state.subscribe(red.openid, WECHAT_TEMPLATES.reminder)
  const { owner, group, redId } = await dinner(red)
  const before = wechat.state.requests.length

  const out = await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  expect(out).toMatchObject({ reminders: [{ from: redId, to: group.me, amount: 4325, by: group.me, byName: '小明' }], skipped: [], messages: 1 })
  await sent()
  const requests = wechat.state.requests.slice(before)
  const token = requests.find((r) => r.path === '/cgi-bin/stable_token')
  if (token) expect(token.body).toEqual({ grant_type: 'client_credential', appid: 'wx-fake-app', secret: 'wx-fake-secret', force_refresh: false })
  const send = requests.find((r) => r.path === '/cgi-bin/message/subscribe/send')!
  expect(send.query).toEqual({ access_token: wechat.state.token })
  expect(send.body).toEqual({
    touser: red.openid,
    template_id: WECHAT_TEMPLATES.reminder,
    page: `pages/settle/index?groupId=${group.id}&from=${redId}&to=${group.me}`,
    data: { thing1: { value: '周末露营' }, name2: { value: '小明' }, amount3: { value: '¥43.25' }, thing4: { value: '小明 提醒你付款' } },
    miniprogram_state: 'formal',
    lang: 'zh_CN'
  })
  const row = await h.app.db.query<{ state: string; result: string }>("SELECT state, result FROM message_outbox WHERE kind = 'reminder' ORDER BY id DESC LIMIT 1")
  expect(row.rows[0]).toEqual({ state: 'sent', result: 'ok' })
  // the one-time subscription is used: the app will ask again
  expect((await h.api.ok('getNotifySettings', {}, red.token)).consents.reminder).toEqual({ state: 'used', credits: 0 })
  // the group view says who reminded, when
  const view = (await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group
  expect(view.reminders).toEqual([{ from: redId, to: group.me, amount: 4325, by: group.me, byName: '小明', at: new Date(now).toISOString() }])
})

test('one reminder per transfer per 12 hours, from anyone: REMINDER_TOO_SOON with when and by whom, nothing written', async () => {
  const { owner, red, group, redId } = await dinner()
  const at = new Date(now).toISOString()
  await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  now += 11 * 3600_000
  const before = await h.snapshot()
  const r = await h.api.call('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  expect([r.status, r.body.ok === false && r.body.error.code]).toEqual([409, 'REMINDER_TOO_SOON'])
  expect(r.body.ok === false && r.body.error.details).toEqual({ nextAt: new Date(Date.parse(at) + 12 * 3600_000).toISOString(), by: '小明', at })
  expect(await h.snapshot()).toEqual(before)
  // reminding everyone skips it
  const all = await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid() }, owner.token)
  expect(all).toMatchObject({ reminders: [], skipped: [{ from: redId, to: group.me }] })
  expect((await h.app.db.query('SELECT 1 FROM reminders WHERE group_id = $1', [group.id])).rows).toHaveLength(1)
  now += 3600_000
  // twelve hours on, it may be reminded again; without a subscription nothing is sent (the app shares the card)
  const again = await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  expect(again).toMatchObject({ reminders: [{ byName: '小明', at: new Date(now).toISOString() }], messages: 0 })
  expect((await h.api.ok('getNotifySettings', {}, red.token)).consents).toEqual({})
})

test('who may remind: the organizer and the receiver; a transfer that is not open: PAYMENT_NO_TRANSFER', async () => {
  const { owner, red, group, redId } = await dinner()
  const third = await wechatUser('阿明')
  const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
  await h.api.ok('joinGroup', { clientId: cid(), token }, third.token)
  const before = await h.snapshot()
  const forbidden = await h.api.call('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, third.token)
  expect([forbidden.status, forbidden.body.ok === false && forbidden.body.error.code]).toEqual([403, 'FORBIDDEN'])
  const reversed = await h.api.call('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: group.me, to: redId } }, owner.token)
  expect([reversed.status, reversed.body.ok === false && reversed.body.error.code]).toEqual([400, 'PAYMENT_NO_TRANSFER'])
  expect(await h.snapshot()).toEqual(before)
  // a member who is neither reminds nobody when asking for everyone
  expect(await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid() }, third.token)).toEqual({ reminders: [], skipped: [], messages: 0 })
  expect((await h.app.db.query('SELECT 1 FROM reminders WHERE group_id = $1', [group.id])).rows).toHaveLength(0)
  void red
})

test('a token WeChat says expired (42001) is replaced once (force_refresh) and the message sent again', async () => {
  const red = await wechatUser('小红')
  await h.api.ok('recordConsent', { clientId: cid(), results: { [WECHAT_TEMPLATES.reminder]: 'accept' } }, red.token)
  wechat.state.subscribe(red.openid, WECHAT_TEMPLATES.reminder)
  const { owner, group, redId } = await dinner(red)
  await h.api.ok('getGroup', { groupId: group.id }, owner.token)
  await accessToken(h.app.db, h.app.services.config, () => new Date(now))
  wechat.state.expireToken()
  const stale = wechat.state.token
  const before = wechat.state.requests.length
  await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  await sent()
  const paths = wechat.state.requests.slice(before).map((r) => `${r.path} ${r.query.access_token ?? JSON.stringify(r.body.force_refresh)}`)
  expect(paths).toEqual([`/cgi-bin/message/subscribe/send ${stale}`, '/cgi-bin/stable_token true', `/cgi-bin/message/subscribe/send ${wechat.state.token}`])
  expect(wechat.state.token).not.toBe(stale)
  const stored = await h.app.db.query<{ token: string }>("SELECT token FROM platform_tokens WHERE name = 'wechat'")
  expect(stored.rows[0]!.token).toBe(wechat.state.token)
})

test('the token is fetched once for many callers at the same time, and kept in the database', async () => {
  await h.app.db.query("DELETE FROM platform_tokens WHERE name = 'wechat'")
  const issued = wechat.state.requests.filter((r) => r.path === '/cgi-bin/stable_token').length
  const tokens = await Promise.all(Array.from({ length: 6 }, () => accessToken(h.app.db, h.app.services.config, () => new Date(now))))
  expect(new Set(tokens).size).toBe(1)
  expect(wechat.state.requests.filter((r) => r.path === '/cgi-bin/stable_token').length).toBe(issued + 1)
  const row = await h.app.db.query<{ token: string; expires_at: unknown }>("SELECT token, expires_at FROM platform_tokens WHERE name = 'wechat'")
  expect(row.rows[0]!.token).toBe(tokens[0])
  expect(new Date(String(row.rows[0]!.expires_at instanceof Date ? (row.rows[0]!.expires_at as Date).toISOString() : row.rows[0]!.expires_at)).getTime()).toBeGreaterThan(now + 7000_000)
})

test('WeChat refuses (43101: the person has no subscription left): the message fails with the code and the refusal is remembered', async () => {
  const red = await wechatUser('小红')
  await h.api.ok('recordConsent', { clientId: cid(), results: { [WECHAT_TEMPLATES.reminder]: 'accept' } }, red.token)
  // accepted on the phone, but WeChat has no subscription for it (e.g. turned off in WeChat's settings since)
  const { owner, group, redId } = await dinner(red)
  await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  await sent()
  const row = await h.app.db.query<{ state: string; result: string }>("SELECT state, result FROM message_outbox WHERE user_id = $1 ORDER BY id DESC LIMIT 1", [red.user.id])
  expect(row.rows[0]).toEqual({ state: 'failed', result: '43101 user refuse to accept the msg rid: 650043101-fake' })
  expect((await h.api.ok('getNotifySettings', {}, red.token)).consents.reminder).toEqual({ state: 'used', credits: 0 })
})

test('an Alipay payer gets alipay.open.app.mini.templatemessage.send, signed, with the page query encoded and the keywords as a JSON string', async () => {
  const red = await h.api.ok('signIn', { provider: 'alipay', code: '2088000000000077', name: '小红' })
  const settings = await h.api.ok('recordConsent', { clientId: cid(), results: { [ALIPAY_TEMPLATES.reminder]: 'accept' } }, red.token)
  expect(settings).toMatchObject({ platform: 'alipay', templates: ALIPAY_TEMPLATES })
  const { owner, group, redId } = await dinner(red)
  const before = alipay.state.requests.length
  await h.api.ok('remindTransfers', { groupId: group.id, clientId: cid(), transfer: { from: redId, to: group.me } }, owner.token)
  await sent()
  const [req] = alipay.state.requests.slice(before)
  expect(alipay.state.signatureOk.slice(before)).toEqual([true])
  expect(req!.query).toMatchObject({ method: 'alipay.open.app.mini.templatemessage.send', app_id: '2021000000000000', sign_type: 'RSA2' })
  expect(req!.body).toEqual({
    to_user_id: '2088000000000077',
    user_template_id: ALIPAY_TEMPLATES.reminder,
    page: `pages/settle/index?${encodeURIComponent(`groupId=${group.id}&from=${redId}&to=${group.me}`)}`,
    data: JSON.stringify({ keyword1: { value: '周末露营' }, keyword2: { value: '小明' }, keyword3: { value: '¥43.25' }, keyword4: { value: '小明 提醒你付款' } })
  })
  const row = await h.app.db.query<{ state: string }>("SELECT state FROM message_outbox WHERE user_id = $1", [red.user.id])
  expect(row.rows.map((r) => r.state)).toEqual(['sent'])
})

test('expense, payment and confirmation messages go to those concerned who want them, never to whoever made the change', async () => {
  const red = await wechatUser('小红')
  for (const kind of ['expense', 'paid', 'confirmed'] as const) {
    await h.api.ok('recordConsent', { clientId: cid(), results: { [WECHAT_TEMPLATES[kind]]: 'accept' } }, red.token)
    wechat.state.subscribe(red.openid, WECHAT_TEMPLATES[kind])
  }
  const { owner, group, redId } = await dinner(red)
  // the dinner's expense reached her with her share
  const expense = wechatSends().filter((s) => s.body.touser === red.openid && s.body.template_id === WECHAT_TEMPLATES.expense).pop()!
  expect(expense.body.data).toEqual({ thing1: { value: '周末露营' }, thing2: { value: '烧烤' }, amount3: { value: '¥43.25' }, name4: { value: '小明' } })
  expect(expense.body.page).toBe(`pages/group/index?id=${group.id}`)

  // she pays: the organizer has no subscription (nothing is sent); he confirms: she hears it
  await h.api.ok('recordPayment', { groupId: group.id, clientId: cid(), from: redId, to: group.me, amount: 4325 }, red.token)
  const pending = (await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group.pendingPayments[0]!
  await h.api.ok('confirmPayment', { groupId: group.id, clientId: cid(), paymentId: pending.id }, owner.token)
  await sent()
  const confirmed = wechatSends().filter((s) => s.body.touser === red.openid && s.body.template_id === WECHAT_TEMPLATES.confirmed)
  expect(confirmed.map((s) => s.body.data)).toEqual([{ thing1: { value: '周末露营' }, name2: { value: '小明' }, amount3: { value: '¥43.25' }, thing4: { value: '已确认收到' } }])
  expect(wechatSends().some((s) => s.body.touser !== red.openid && s.body.template_id === WECHAT_TEMPLATES.paid)).toBe(false)

  // she turns expense messages off in Me: the next expense sends nothing, though she has a subscription
  const prefs = await h.api.ok('setNotifyPrefs', { clientId: cid(), prefs: { expense: false } }, red.token)
  expect(prefs.prefs).toEqual({ reminder: true, expense: false, paid: true, confirmed: true })
  await h.api.ok('recordConsent', { clientId: cid(), results: { [WECHAT_TEMPLATES.expense]: 'accept' } }, red.token)
  const count = wechatSends().length
  await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 1000, group.me, [group.me, redId]), description: '冰块' }, owner.token)
  await sent()
  expect(wechatSends().length).toBe(count)
})

test('unread: another member’s change marks the group until I have seen it; my own changes do not', async () => {
  const { owner, red, group, redId } = await dinner()
  const unread = async (token: string) => (await h.api.ok('listGroups', {}, token)).items.find((g) => g.id === group.id)!
  expect((await unread(owner.token)).unread).toBe(true) // 小红 joined
  const v = (await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group.version
  expect(await h.api.ok('markSeen', { groupId: group.id, version: v + 100 }, owner.token)).toEqual({ groupId: group.id, version: v })
  expect(await unread(owner.token)).toMatchObject({ unread: false, seenVersion: v })
  await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 200, group.me, [group.me, redId]), description: '水' }, owner.token)
  expect((await unread(owner.token)).unread).toBe(false)
  await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 200, redId, [group.me, redId]), description: '柴' }, red.token)
  expect(await unread(owner.token)).toMatchObject({ unread: true, seenVersion: v })
  // seen versions never move back
  expect((await h.api.ok('markSeen', { groupId: group.id, version: 1 }, owner.token)).version).toBe(v)
})

test('a message its instance claimed but never answered (it stopped) is sent by the next drain; one just claimed is left alone', async () => {
  const red = await wechatUser('小红')
  wechat.state.subscribe(red.openid, WECHAT_TEMPLATES.paid)
  wechat.state.subscribe(red.openid, WECHAT_TEMPLATES.paid)
  const payload = { groupId: 'g_x', groupName: '周末露营', currency: 'CNY', amount: 100, subject: '小明', actor: '小明', page: 'pages/group/index?id=g_x', templateId: WECHAT_TEMPLATES.paid, platform: 'wechat' }
  const insert = (claimedAgoMs: number) =>
    h.app.db.query<{ id: unknown }>(
      "INSERT INTO message_outbox (user_id, kind, payload, state, created_at, claimed_at) VALUES ($1, 'paid', $2::jsonb, 'sending', $3, $3) RETURNING id",
      [red.user.id, JSON.stringify(payload), new Date(now - claimedAgoMs).toISOString()]
    )
  const stale = (await insert(6 * 60_000)).rows[0]!.id
  const fresh = (await insert(30_000)).rows[0]!.id
  h.app.services.messages.kick()
  await sent()
  const rows = await h.app.db.query<{ id: unknown; state: string }>('SELECT id, state FROM message_outbox WHERE id = ANY($1::bigint[]) ORDER BY id', [[stale, fresh]])
  expect(rows.rows.map((r) => r.state)).toEqual(['sent', 'sending'])
  expect(wechatSends().filter((r) => r.body.touser === red.openid)).toHaveLength(1)
})

describe('inviteLink: a link that opens the join page from outside the app', () => {
  test('WeChat: a URL Link from /wxa/generate_urllink, exactly as published', async () => {
    const owner = await wechatUser('小明')
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '周末露营', currency: 'CNY' }, owner.token)
    const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
    const before = wechat.state.requests.length
    const out = await h.api.ok('inviteLink', { groupId: group.id, token }, owner.token)
    expect(out.link).toMatch(/^https:\/\/wxaurl\.cn\/fake\d+$/)
    const req = wechat.state.requests.slice(before).find((r) => r.path === '/wxa/generate_urllink')!
    expect(req.query).toEqual({ access_token: wechat.state.token })
    expect(req.body).toEqual({ path: 'pages/join/index', query: `token=${token}`, expire_type: 1, expire_interval: 30, env_version: 'release' })
  })

  test('Alipay: the documented ds.alipay.com scheme link, page and query encoded once inside the scheme', async () => {
    const owner = await h.api.ok('signIn', { provider: 'alipay', code: '2088000000000088', name: '小明' })
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '周末露营', currency: 'CNY' }, owner.token)
    const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
    const { link } = await h.api.ok('inviteLink', { groupId: group.id, token }, owner.token)
    const scheme = `alipays://platformapi/startapp?appId=2021000000000000&page=pages%2Fjoin%2Findex&query=${encodeURIComponent(`token=${token}`)}`
    expect(link).toBe(`https://ds.alipay.com/?scheme=${encodeURIComponent(scheme)}`)
    expect(decodeURIComponent(new URL(link!).searchParams.get('scheme')!.split('query=')[1]!)).toBe(`token=${token}`)
  })

  test('no platform (the preview): null; a token that is not this group\'s open invite: INVITE_INVALID', async () => {
    const dev = await h.signIn(`预览 ${cid()}`)
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '周末露营', currency: 'CNY' }, dev.token)
    const { token, inviteId } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, dev.token)
    expect(await h.api.ok('inviteLink', { groupId: group.id, token }, dev.token)).toEqual({ link: null })
    await h.api.ok('revokeInvite', { groupId: group.id, clientId: cid(), inviteId }, dev.token)
    const r = await h.api.call('inviteLink', { groupId: group.id, token }, dev.token)
    expect([r.status, r.body.ok === false && r.body.error.code]).toEqual([404, 'INVITE_INVALID'])
  })
})
