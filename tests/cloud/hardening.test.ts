/**
 * Hardening: one signature encoding, client ids bound to their request, production headers, CORS allow-list,
 * no configuration in replies, and a body that never arrives.
 */
import net from 'node:net'
import { issueSession, verifySession } from '../../cloud/auth/session'
import { cid, equalExpense, startHarness, usingPostgres, type Harness } from './harness'

const SECRET = 'a-test-session-secret-of-more-than-32-characters'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ env: { SESSION_SECRET: SECRET, BODY_TIMEOUT_MS: '400' } })
})
afterAll(async () => {
  await h?.close()
})

describe('session tokens', () => {
  test('every one-character change of a token is refused (one accepted encoding of the signature)', () => {
    const now = new Date('2026-11-29T10:00:00Z')
    const { token } = issueSession(SECRET, 'u_someone', now, 3600)
    expect(verifySession(SECRET, token, now)).toBe('u_someone')
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.='
    let tried = 0
    for (let i = 0; i < token.length; i++) {
      for (const c of alphabet) {
        if (c === token[i]) continue
        tried++
        const changed = token.slice(0, i) + c + token.slice(i + 1)
        expect(verifySession(SECRET, changed, now)).toBeNull()
      }
    }
    // dropping or adding a character is refused too
    expect(verifySession(SECRET, token.slice(0, -1), now)).toBeNull()
    expect(verifySession(SECRET, `${token}A`, now)).toBeNull()
    expect(tried).toBeGreaterThan(token.length * 60)
  })
})

describe('client ids are bound to their request', () => {
  test('the same id with another request is refused and writes nothing; the same request is replayed', async () => {
    const ann = await h.signIn('Ann')
    const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Ids', placeholders: ['Bo'] }, ann.token)
    const me = g.group.me
    const bo = g.group.members.find((m) => m.name === 'Bo')!.id
    const clientId = cid()
    const input = { groupId: g.group.id, clientId, expense: equalExpense('e1', 1000, me, [me, bo]), description: 'Lunch' }
    const first = await h.api.ok('addExpense', input, ann.token)
    const before = await h.snapshot()

    // the same request, keys in another order: the first answer again, nothing written
    const reordered = { description: 'Lunch', expense: { split: input.expense.split, paidBy: input.expense.paidBy, amount: 1000, id: 'e1' }, clientId, groupId: g.group.id }
    expect(await h.api.ok('addExpense', reordered, ann.token)).toEqual(first)
    expect(await h.snapshot()).toEqual(before)

    // another amount, another expense, or another action with the same id: refused
    for (const [action, other] of [
      ['addExpense', { ...input, expense: equalExpense('e1', 1001, me, [me, bo]) }],
      ['addExpense', { ...input, expense: equalExpense('e2', 1000, me, [me, bo]) }],
      ['recordPayment', { groupId: g.group.id, clientId, from: bo, to: me, amount: 500 }]
    ] as const) {
      const r = await h.api.call(action, other, ann.token)
      expect(r.status).toBe(409)
      expect(r.body.ok === false && r.body.error.code).toBe('CLIENT_ID_REUSED')
    }
    expect(await h.snapshot()).toEqual(before)
    // another user may use the same client id for their own request
    const bob = await h.signIn('Bob')
    expect((await h.api.call('createGroup', { clientId, name: 'Mine' }, bob.token)).status).toBe(200)
  })
})

describe('HTTP answers', () => {
  test('every answer carries the security headers; JSON answers a content security policy', async () => {
    for (const [body, path, method] of [
      [JSON.stringify({ action: 'getMe', input: {} }), '/api', 'POST'],
      ['{oops', '/api', 'POST'],
      ['', '/health', 'GET'],
      ['{}', '/nothing-here', 'POST']
    ] as const) {
      const r = await h.raw(body, {}, path, method)
      expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      expect(r.headers.get('x-frame-options')).toBe('DENY')
      expect(r.headers.get('referrer-policy')).toBe('no-referrer')
      expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })

  test('a declared body that never arrives is answered 408 and the connection closed', async () => {
    const { port } = new URL(h.url)
    const started = Date.now()
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /api HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":')
      })
      let text = ''
      socket.on('data', (d) => (text += d.toString('utf8')))
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
      setTimeout(() => reject(new Error('no answer')), 10_000).unref()
    })
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
    expect(reply).toContain('"REQUEST_TIMEOUT"')
    expect(Date.now() - started).toBeLessThan(5_000)
    // the server still answers others
    expect((await h.raw('', {}, '/health', 'GET')).status).toBe(200)
  })
})

describe('production mode', () => {
  const prodEnv = (extra: Record<string, string> = {}) => ({
    SPLITPAY_MODE: 'production',
    SESSION_SECRET: SECRET,
    DATABASE_URL: usingPostgres() ? process.env.TEST_DATABASE_URL! : 'memory',
    ...extra
  })

  test('no CORS by default; an allow-list echoes only its own origins', async () => {
    const plain = await startHarness({ env: prodEnv() })
    try {
      const pre = await plain.raw('', { origin: 'https://evil.example', 'access-control-request-method': 'POST' }, '/api', 'OPTIONS')
      expect(pre.headers.get('access-control-allow-origin')).toBeNull()
      const post = await plain.raw(JSON.stringify({ action: 'getMe', input: {} }), { origin: 'https://evil.example' })
      expect(post.headers.get('access-control-allow-origin')).toBeNull()
    } finally {
      await plain.close()
    }
    const listed = await startHarness({ env: prodEnv({ CORS_ORIGIN: 'https://split.example, https://preview.example:8443' }) })
    try {
      const ok = await listed.raw(JSON.stringify({ action: 'getMe', input: {} }), { origin: 'https://preview.example:8443' })
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://preview.example:8443')
      expect(ok.headers.get('vary')).toMatch(/origin/i)
      const other = await listed.raw(JSON.stringify({ action: 'getMe', input: {} }), { origin: 'https://evil.example' })
      expect(other.headers.get('access-control-allow-origin')).toBeNull()
    } finally {
      await listed.close()
    }
  })

  test('a bad CORS_ORIGIN stops the start with a clear message', async () => {
    await expect(startHarness({ env: prodEnv({ CORS_ORIGIN: 'split.example' }) })).rejects.toThrow(/CORS_ORIGIN entries are origins/)
  })

  test('replies never name what is missing in the configuration', async () => {
    const prod = await startHarness({ env: prodEnv() })
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      for (const provider of ['wechat', 'alipay']) {
        const r = await prod.api.call('signIn', { provider, code: 'abc', authCode: 'abc' })
        expect(r.status).toBe(400)
        expect(r.body.ok === false && r.body.error.code).toBe('PROVIDER_NOT_CONFIGURED')
        const text = JSON.stringify(r.body)
        expect(text).not.toMatch(/WECHAT|ALIPAY|_KEY|SECRET|APP_ID/)
      }
      // the operator still learns what is missing, in the log
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/WECHAT_APP_ID/)
    } finally {
      warn.mockRestore()
      await prod.close()
    }
  })
})

describe('text and ids at the edge', () => {
  test('a half character is refused, text is stored NFC, and an id the reply could not carry is refused up front', async () => {
    const ann = await h.signIn('Text')
    const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Cafe\u0301' }, ann.token)
    expect(g.group.name).toBe('Café')
    expect(g.group.name).toHaveLength(4)
    const before = await h.snapshot()
    for (const name of ['Bo\ud800', '\udc00Bo', 'a\ud83d']) {
      const r = await h.api.call('addMember', { groupId: g.group.id, clientId: cid(), name }, ann.token)
      expect(r.status).toBe(400)
      expect(r.body.ok === false && r.body.error.code).toBe('INVALID_INPUT')
    }
    const badEmoji = await h.api.call('createGroup', { clientId: cid(), name: 'x', emoji: '\ud83d' }, ann.token)
    expect(badEmoji.status).toBe(400)
    for (const id of ['e/1', 'é', 'e 1', 'x'.repeat(65)]) {
      const r = await h.api.call('addExpense', { groupId: g.group.id, clientId: cid(), expense: equalExpense(id, 100, g.group.me, [g.group.me]), description: 'x' }, ann.token)
      expect(r.status).toBe(400)
      expect(r.body.ok === false && r.body.error.code).toBe('INVALID_ID')
    }
    expect(await h.snapshot()).toEqual(before)
    // a whole emoji (a surrogate pair) is fine
    expect((await h.api.call('addMember', { groupId: g.group.id, clientId: cid(), name: 'Bo 😀' }, ann.token)).status).toBe(200)
  })
})
