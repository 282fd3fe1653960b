/**
 * Every error code the function can send is listed in src/api/errors.ts (API_ERROR_CODES, with its status):
 * a scan of the cloud/ sources finds each code thrown or answered there, and replies over HTTP carry listed
 * codes with the listed status.
 */
import fs from 'node:fs'
import path from 'node:path'
import { API_ERROR_CODES, isApiErrorCode, statusForCode } from '../../src/api'
import { cid, equalExpense, startHarness, type Harness } from './harness'

const CLOUD = path.join(__dirname, '../../cloud')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : []
  })
}

/** Our codes: constructor arguments, error replies, and the fallback code of a refused notification. */
const PATTERNS = [
  /\b(?:ApiError|PaymentError)\(\s*'([A-Z][A-Z0-9_]*)'/g,
  /\berr\(\s*\d{3},\s*'([A-Z][A-Z0-9_]*)'/g,
  /\bcode: '([A-Z][A-Z0-9_]*)'/g,
  /\bconst code = [^\n]*'([A-Z][A-Z0-9_]{2,})'/g
]

/**
 * Lines that speak a provider's own protocol, not ours: the sandbox wallet answering as WeChat Pay's API
 * (`wechatReply`), and WeChat Pay's documented refusal of a notification ({"code":"FAIL"}).
 */
const providerWire = (file: string, line: string) => line.includes('wechatReply(') || (file.endsWith(path.join('payments', 'wechat', 'provider.ts')) && line.includes("code: 'FAIL'"))

function codesInSources(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const file of sources(CLOUD)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      if (providerWire(file, line)) return
      for (const re of PATTERNS) {
        for (const m of line.matchAll(re)) {
          const where = `${path.relative(CLOUD, file)}:${i + 1}`
          found.set(m[1], [...(found.get(m[1]) ?? []), where])
        }
      }
    })
  }
  return found
}

test('every code thrown or answered under cloud/ is a member of ApiErrorCode', () => {
  const found = codesInSources()
  // The scan sees the codes it must see (so it cannot pass by finding nothing).
  for (const code of ['NOT_MEMBER', 'FORBIDDEN', 'BAD_REQUEST', 'METHOD_NOT_ALLOWED', 'PAYMENTS_DISABLED', 'PAYMENT_PROVIDER', 'NOTIFY_SIGNATURE', 'NOTIFY_ERROR', 'SANDBOX_BAD_REQUEST']) {
    expect(found.has(code)).toBe(true)
  }
  expect(found.size).toBeGreaterThan(30)
  const unlisted = [...found].filter(([code]) => !isApiErrorCode(code)).map(([code, where]) => `${code} (${where.join(', ')})`)
  expect(unlisted).toEqual([])
})

test('the payment codes are listed with their statuses', () => {
  for (const code of ['PAYMENTS_DISABLED', 'PAYMENT_CURRENCY', 'PAYMENT_NO_TRANSFER', 'PAYMENT_WALLET', 'PAYMENT_PAYER_IDENTITY', 'PAYMENT_PROVIDER'] as const) {
    expect(API_ERROR_CODES).toContain(code)
  }
  expect(statusForCode('PAYMENT_PROVIDER')).toBe(502)
  expect(statusForCode('PAYMENT_CURRENCY')).toBe(400)
  expect(statusForCode('NOT_MEMBER')).toBe(403)
  expect(statusForCode('SPLIT_PERCENT_TOTAL')).toBe(400)
  expect(new Set(API_ERROR_CODES).size).toBe(API_ERROR_CODES.length)
})

describe('over HTTP', () => {
  let h: Harness
  beforeAll(async () => {
    // No merchant credentials and no sandbox: in-app payment is off.
    h = await startHarness({ env: { PAYMENTS_SANDBOX: 'off' } })
  })
  afterAll(async () => {
    await h?.close()
  })

  test('error replies carry a listed code with its listed status', async () => {
    const ann = await h.signIn('Ann')
    const bob = await h.signIn('Bob')
    const eur = await h.api.ok('createGroup', { clientId: cid(), name: 'Paris', currency: 'EUR' }, ann.token)
    const cny = await h.api.ok('createGroup', { clientId: cid(), name: 'Beijing', currency: 'CNY', placeholders: ['Cat'] }, ann.token)
    const cat = cny.group.members.find((m) => m.userId === null)!.id
    await h.api.ok(
      'addExpense',
      { groupId: cny.group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 1000, cny.group.me, [cny.group.me, cat]), description: 'Duck' },
      ann.token
    )
    const replies = [
      await h.api.call('createPaymentOrder', { groupId: cny.group.id, from: cat, to: cny.group.me, clientId: cid() }, ann.token),
      await h.api.call('getGroup', { groupId: eur.group.id }, bob.token),
      await h.api.call('getGroup', { groupId: eur.group.id }, 'sp1.forged.token'),
      await h.api.call('noSuchAction', {}, ann.token),
      await h.api.call('addExpense', { groupId: cny.group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 1000, 'nobody', [cat]), description: 'x' }, ann.token)
    ]
    const codes = replies.map((r) => (r.body.ok ? 'ok' : r.body.error.code))
    expect(codes).toEqual(['PAYMENTS_DISABLED', 'NOT_MEMBER', 'UNAUTHENTICATED', 'UNKNOWN_ACTION', 'UNKNOWN_MEMBER'])
    for (const r of replies) {
      if (r.body.ok) throw new Error('expected an error reply')
      expect(isApiErrorCode(r.body.error.code)).toBe(true)
      expect(r.status).toBe(statusForCode(r.body.error.code))
    }
  })
})
