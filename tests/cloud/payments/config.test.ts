/**
 * Merchant configuration from the environment: the WeChat Pay platform-certificate mode (a real X.509
 * certificate made with openssl; its serial names the key), partial settings, and the sandbox refused outside
 * dev mode. The WeChat Pay host is the sandbox wallet, playing the platform with the certificate's key.
 */
import { execFileSync } from 'node:child_process'
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { AppServices } from '../../../cloud/actions/types'
import { loadConfig } from '../../../cloud/config'
import { Payments } from '../../../cloud/payments/service'
import { migrate } from '../../../cloud/store/migrate'
import { openPglite } from '../../../cloud/store/pglite'
import { generateSandboxKeys } from '../../../cloud/payments/sandbox/keys'
import { SandboxWallet } from '../../../cloud/payments/sandbox/wallet'
import { pem } from '../../../cloud/payments/keys'
import type { PaymentNotice } from '../../../cloud/payments/types'

let server: http.Server
let origin = ''
let sandbox: SandboxWallet
let certPem = ''
let serial = ''

function services(env: Record<string, string>, db = {} as AppServices['db']): AppServices {
  const config = loadConfig(env)
  const s = { db, config, clock: () => new Date(), identity: {}, cache: {} as AppServices['cache'] } as AppServices
  s.payments = new Payments(s)
  return s
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxcert-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Tenpay.com Root CA', '-days', '2', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' })
  certPem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8')
  const keyPem = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8')
  fs.rmSync(dir, { recursive: true, force: true })
  serial = new X509Certificate(certPem).serialNumber.toUpperCase()
  const keys = generateSandboxKeys()
  keys.wechat.platform = { privateKey: createPrivateKey(keyPem), publicKey: createPublicKey(certPem) }
  keys.wechat.publicKeyId = serial // the platform signs with Wechatpay-Serial = the certificate serial
  sandbox = new SandboxWallet({ keys })
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', async () => {
      const r = await sandbox.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString() })
      res.writeHead(r.status, r.headers).end(r.body)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

const base = { SPLITPAY_MODE: 'dev', WECHAT_APP_ID: 'wxsandbox00000001', WECHAT_APP_SECRET: 's', PAYMENTS_OUTBOX_INTERVAL_MS: '0' }

function wechatEnv(): Record<string, string> {
  const k = sandbox.keys.wechat
  return {
    ...base,
    WECHATPAY_MCHID: k.mchId,
    WECHATPAY_SERIAL: k.merchantSerial,
    // one line with literal \n, as many hosts store PEM values
    WECHATPAY_PRIVATE_KEY: pem(k.merchant.privateKey).trim().replace(/\n/g, '\\n'),
    WECHATPAY_APIV3_KEY: k.apiV3Key,
    WECHATPAY_PLATFORM_CERT: certPem.trim().replace(/\n/g, '\\n'),
    WECHATPAY_BASE_URL: `${origin}/sandbox/wechat/`,
    PAYMENTS_PUBLIC_URL: 'https://pay.example.test/'
  }
}

describe('WeChat Pay in the platform-certificate mode from the environment', () => {
  it('verifies API responses and notifications by the certificate serial', async () => {
    const rt = await services(wechatEnv()).payments.runtime()
    expect(rt.problems).toEqual([])
    expect(rt.mode).toBe('live')
    expect(rt.publicUrl).toBe('https://pay.example.test')
    expect(rt.sandbox).toBeUndefined()
    const wx = rt.providers.wechat!
    const params = await wx.createOrder({ outTradeNo: 'TCERT1', amount: 101, currency: 'CNY', description: 'x', payer: { openid: 'o1' }, notifyUrl: `${rt.publicUrl}/notify/wechat` })
    expect(params.kind).toBe('wechat')
    const n = sandbox.paymentNotification((await sandbox.order('TCERT1'))!)
    expect(n.headers['Wechatpay-Serial']).toBe(serial)
    const notice = wx.parseNotify({ headers: Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v])), body: n.body }) as PaymentNotice
    expect(notice).toMatchObject({ outTradeNo: 'TCERT1', amount: 101, status: 'SUCCESS' })
  })

  it('refuses a response signed under another serial', async () => {
    const env = { ...wechatEnv(), WECHATPAY_PLATFORM_SERIAL: 'ABCDEF0123' }
    const rt = await services(env).payments.runtime()
    const order = { outTradeNo: 'TCERT2', amount: 5, currency: 'CNY' as const, description: 'x', payer: { openid: 'o1' }, notifyUrl: 'https://pay.example.test/notify/wechat' }
    await expect(rt.providers.wechat!.createOrder(order)).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER', message: expect.stringContaining('EV3_RES_HEADER_PLATFORM_SERIAL') })
    // the sandbox did create it: only the response's verification failed
    expect((await sandbox.order('TCERT2'))?.amount).toBe(5)
  })
})

describe('incomplete or refused settings', () => {
  let warn: jest.SpyInstance
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => warn.mockRestore())

  it('names what is missing and offers no in-app payment', async () => {
    const rt = await services({ ...base, PAYMENTS_SANDBOX: 'off', WECHATPAY_MCHID: '1900000109' }).payments.runtime()
    expect(rt.mode).toBe('off')
    expect(String(warn.mock.calls[0][0])).toContain('WeChat Pay: set all of WECHATPAY_MCHID')
    expect(rt.problems.join('\n')).toContain('missing WECHATPAY_SERIAL, WECHATPAY_PRIVATE_KEY, WECHATPAY_APIV3_KEY')
  })
  it('needs a verification key', async () => {
    const env = wechatEnv()
    delete (env as Record<string, string | undefined>).WECHATPAY_PLATFORM_CERT
    const rt = await services({ ...env, PAYMENTS_SANDBOX: 'off' }).payments.runtime()
    expect(rt.mode).toBe('off')
    expect(rt.problems.join('\n')).toContain('WECHATPAY_PUBLIC_KEY + WECHATPAY_PUBLIC_KEY_ID, or WECHATPAY_PLATFORM_CERT')
  })
  it('refuses the sandbox outside dev mode', async () => {
    const rt = await services({ SPLITPAY_MODE: 'production', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://u@127.0.0.1/db', PAYMENTS_SANDBOX: 'on' }).payments.runtime()
    expect(rt.mode).toBe('off')
    expect(rt.sandbox).toBeUndefined()
    expect(rt.problems).toContain('PAYMENTS_SANDBOX=on is refused outside dev mode')
  })
  it('turns the sandbox on by default in dev mode without credentials, its keys kept in the database', async () => {
    const db = await openPglite()
    try {
      await migrate(db)
      const first = await services({ ...base, PAYMENTS_OUTBOX_INTERVAL_MS: '0' }, db).payments.runtime()
      expect(first.mode).toBe('sandbox')
      expect(Object.keys(first.providers).sort()).toEqual(['alipay', 'wechat'])
      // another instance on the same database (or this one after a restart) plays the same wallet
      const second = await services({ ...base, PAYMENTS_OUTBOX_INTERVAL_MS: '0' }, { ...db } as typeof db).payments.runtime()
      expect(second).not.toBe(first)
      expect(second.sandbox!.keys.wechat.apiV3Key).toBe(first.sandbox!.keys.wechat.apiV3Key)
      const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' })
      expect(pem(second.sandbox!.keys.alipay.platform.publicKey)).toBe(pem(first.sandbox!.keys.alipay.platform.publicKey))
    } finally {
      await db.close()
    }
  })
})
