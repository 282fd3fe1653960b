/**
 * The platform entries and sign-ins: WeChat code2Session (only the HTTP call to WeChat is stubbed), Alipay
 * oauth token through the official SDK against a local stand-in of the Alipay gateway (real signing and
 * signature checks), the CloudBase main(event, context), the API-gateway handler, and the built bundle.
 */
import { execFileSync } from 'node:child_process'
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { loadConfig, ConfigError } from '../../cloud/config'
import { createCloudbaseMain, type CloudbaseEvent } from '../../cloud/entries/cloudbase'
import { createGatewayHandler } from '../../cloud/entries/gateway'
import { cid, startHarness, usingPostgres, type Harness } from './harness'

describe('WeChat sign-in (code2Session)', () => {
  let h: Harness
  const calls: string[] = []
  beforeAll(async () => {
    h = await startHarness({
      env: { WECHAT_APP_ID: 'wx1234567890', WECHAT_APP_SECRET: 'test-app-secret' },
      identity: {
        fetch: async (url) => {
          calls.push(url)
          const code = new URL(url).searchParams.get('js_code')
          const body = code === 'good-code' || code === 'good-code-2' ? { openid: 'oWeChatUser1', session_key: 'sk' } : { errcode: 40029, errmsg: 'invalid code' }
          return { ok: true, status: 200, json: async () => body }
        }
      }
    })
  })
  afterAll(() => h?.close())

  test('a valid code signs in; the same openid is the same user', async () => {
    const a = await h.api.ok('signIn', { provider: 'wechat', code: 'good-code' })
    const b = await h.api.ok('signIn', { provider: 'wechat', code: 'good-code-2' })
    expect(a.user.id).toBe(b.user.id)
    expect(a.user.wallet).toBe('wechat')
    const url = new URL(calls[0])
    expect(url.origin + url.pathname).toBe('https://api.weixin.qq.com/sns/jscode2session')
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: 'wx1234567890', secret: 'test-app-secret', js_code: 'good-code', grant_type: 'authorization_code' })
    expect((await h.api.call('getMe', {}, a.token)).status).toBe(200)
  })

  test('a refused code is a 401 PROVIDER_ERROR and creates nobody', async () => {
    const before = await h.snapshot()
    const r = await h.api.call('signIn', { provider: 'wechat', code: 'expired' })
    expect(r.status).toBe(401)
    expect(r.body.ok === false && r.body.error.code).toBe('PROVIDER_ERROR')
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('Alipay sign-in (alipay.system.oauth.token through alipay-sdk)', () => {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pem = (k: import('node:crypto').KeyObject, type: 'pkcs8' | 'spki') => k.export({ type, format: 'pem' }).toString()
  let gateway: http.Server
  let gatewayUrl: string
  let h: Harness
  let requestSignatureOk = false
  let tamper = false

  beforeAll(async () => {
    gateway = http.createServer((req, res) => {
      let raw = ''
      req.on('data', (d) => (raw += d))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x')
        const params = new URLSearchParams(url.search)
        for (const [k, v] of new URLSearchParams(raw)) params.set(k, v)
        // Check the SDK's request signature with the app public key, as Alipay does.
        const signed = [...params.entries()].filter(([k]) => k !== 'sign').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&')
        requestSignatureOk = createVerify('RSA-SHA256').update(signed, 'utf8').verify(app.publicKey, params.get('sign') ?? '', 'base64')
        const ok = params.get('code') === 'auth-ok' && requestSignatureOk
        const inner = JSON.stringify(
          ok
            ? { user_id: '2088000000000001', open_id: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5', access_token: 'at', expires_in: 1296000 }
            : { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.code-invalid', sub_msg: 'invalid auth code' }
        )
        const key = ok ? 'alipay_system_oauth_token_response' : 'error_response'
        let sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(alipay.privateKey, 'base64')
        if (tamper) sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey, 'base64')
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(`{"${key}":${inner},"sign":"${sign}"}`)
      })
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/gateway.do`
    h = await startHarness({
      env: { ALIPAY_APP_ID: '2021000000000000', ALIPAY_PRIVATE_KEY: pem(app.privateKey, 'pkcs8'), ALIPAY_PUBLIC_KEY: pem(alipay.publicKey, 'spki'), ALIPAY_GATEWAY: gatewayUrl }
    })
  })
  afterAll(async () => {
    await h?.close()
    await new Promise((resolve) => gateway?.close(resolve))
  })

  test('a valid auth code signs in with the Alipay user id', async () => {
    const out = await h.api.ok('signIn', { provider: 'alipay', code: 'auth-ok', name: '小明' })
    expect(requestSignatureOk).toBe(true)
    expect(out.user).toMatchObject({ name: '小明', wallet: 'alipay' })
    const row = await h.app.db.query<{ provider: string; subject: string }>('SELECT provider, subject FROM users WHERE id = $1', [out.user.id])
    expect(row.rows[0]).toEqual({ provider: 'alipay', subject: '2088000000000001' })
  })

  test('a refused code, or an answer with a bad signature, is a 401', async () => {
    const r = await h.api.call('signIn', { provider: 'alipay', code: 'auth-bad' })
    expect(r.status).toBe(401)
    expect(r.body.ok === false && r.body.error.code).toBe('PROVIDER_ERROR')
    tamper = true
    try {
      const forged = await h.api.call('signIn', { provider: 'alipay', code: 'auth-ok' })
      expect(forged.status).toBe(401)
    } finally {
      tamper = false
    }
  })
})

describe('CloudBase and API-gateway entries', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h?.close())

  test('CloudBase main trusts the OPENID of the WeChat context and answers the envelope with status', async () => {
    let openid: string | undefined = 'oCloudBaseUser'
    const main = createCloudbaseMain(async () => h.app.handler, () => ({ OPENID: openid }))
    const me = await main({ action: 'getMe', input: {} })
    expect(me).toMatchObject({ status: 200, ok: true })
    type GroupReply = { status: number; data: { group: { id: string; name: string } } }
    const created = (await main({ action: 'createGroup', input: { clientId: cid(), name: 'From CloudBase' } })) as unknown as GroupReply
    expect(created.status).toBe(200)
    const again = (await main({ action: 'getGroup', input: { groupId: created.data.group.id } })) as unknown as GroupReply
    expect(again.data.group.name).toBe('From CloudBase')
    const user = await h.app.db.query<{ provider: string; subject: string }>("SELECT provider, subject FROM users WHERE subject = 'oCloudBaseUser'")
    expect(user.rows).toEqual([{ provider: 'wechat', subject: 'oCloudBaseUser' }])
    // signIn through CloudBase uses the trusted OPENID (no code2Session, none configured here).
    const signed = (await main({ action: 'signIn', input: { provider: 'wechat', code: 'unused' } })) as unknown as { status: number; data: { token: string } }
    expect(signed.status).toBe(200)
    expect((await h.api.call('getMe', {}, signed.data.token)).body).toMatchObject({ ok: true, data: { user: { wallet: 'wechat' } } })
    openid = undefined
    const anon = await main({ action: 'getMe', input: {} })
    expect(anon).toMatchObject({ status: 401, ok: false, error: { code: 'UNAUTHENTICATED' } })
    const junk = await main(null as unknown as CloudbaseEvent)
    expect(junk).toMatchObject({ status: 400, ok: false })
  })

  test('API-gateway handler (SCF / Function Compute event shapes)', async () => {
    const handler = createGatewayHandler(async () => h.app.handler)
    const scf = await handler({ httpMethod: 'POST', path: '/api', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'signIn', input: { provider: 'dev', name: 'Gateway' } }), isBase64Encoded: false })
    expect(scf.statusCode).toBe(200)
    const token = JSON.parse(scf.body as string).data.token
    const fcEvent = Buffer.from(
      JSON.stringify({
        rawPath: '/api',
        requestContext: { http: { method: 'POST' } },
        headers: { Authorization: `Bearer ${token}` },
        body: Buffer.from(JSON.stringify({ action: 'getMe', input: {} })).toString('base64'),
        isBase64Encoded: true
      })
    )
    const fc = await handler(fcEvent)
    expect(fc.statusCode).toBe(200)
    expect(JSON.parse(fc.body as string).data.user.name).toBe('Gateway')
    expect(fc.headers['access-control-allow-origin']).toBe('*')
    expect((await handler({ httpMethod: 'POST', path: '/api', body: '{oops' })).statusCode).toBe(400)
    expect((await handler('not json')).statusCode).toBe(400)
    expect((await handler({ httpMethod: 'GET', path: '/elsewhere' })).statusCode).toBe(404)
  })
})

describe('the deploy bundle (dist/cloud/index.js)', () => {
  const root = path.resolve(__dirname, '../..')
  // Inside the repo so the bundle finds node_modules (PGlite) exactly as a dev-mode run of dist/cloud would.
  const outDir = path.join(root, '.data', `bundle-test-${randomBytes(4).toString('hex')}`)
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

  test('builds, exports main, handler and timer, and answers in a fresh node process', async () => {
    const { buildCloud } = await import('../../scripts/build-cloud')
    const { file, bytes } = await buildCloud({ outDir, quiet: true })
    expect(bytes).toBeGreaterThan(10_000)
    const text = fs.readFileSync(path.join(outDir, 'app.js'), 'utf8')
    expect(text).not.toMatch(/pglite\.wasm/)
    // cold start: pg's Cloudflare probe (which loads Node's fetch) and zod's unused locales are swapped out
    expect(text).not.toContain('Cloudflare-Workers')
    expect(text).not.toContain('Input tidak valid') // Indonesian, one of the locales left out
    const script = `
      const m = require(${JSON.stringify(file)});
      (async () => {
        const s = await m.handler({ httpMethod: 'POST', path: '/api', body: JSON.stringify({ action: 'signIn', input: { provider: 'dev', name: 'Bundled' } }) });
        const c = await m.main({ action: 'createGroup', input: { clientId: 'bundle-client-1', name: 'Bundled group' } }, {});
        const t = await m.timer({ Type: 'Timer', TriggerName: 'recurring' });
        console.log(JSON.stringify({ exports: Object.keys(m).sort(), signIn: s.statusCode, main: c.status, name: c.data && c.data.group.name, timer: t.ok && t.recurring.failed }));
        process.exit(0);
      })().catch((e) => { console.error(e); process.exit(1); });
    `
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', SPLITPAY_MODE: 'dev', WX_OPENID: 'oBundleUser', PGLITE_DIR: path.join(outDir, 'pglite') }
    if (usingPostgres()) Object.assign(env, { DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: `b_${randomBytes(5).toString('hex')}` })
    const out = execFileSync(process.execPath, ['-e', script], { env: env as NodeJS.ProcessEnv, cwd: outDir, timeout: 120_000 }).toString()
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ exports: ['createApp', 'createHttpHandler', 'handler', 'main', 'timer'], signIn: 200, main: 200, name: 'Bundled group', timer: 0 })

    // The entry compiled app.js with the code cache the build made; a cache for other text, or one V8 cannot
    // use, is left aside and the function is compiled as usual.
    const { build } = await import('esbuild')
    const checker = await build({
      stdin: {
        contents: `const { loadApp } = require('./cloud/bundle/code-cache'); const r = loadApp(process.argv[1]); console.log(JSON.stringify({ cache: r.cache, exports: Object.keys(r.exports).sort() }))`,
        resolveDir: root,
        loader: 'ts'
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false
    })
    const load = () => {
      const env = { PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv
      return JSON.parse(execFileSync(process.execPath, ['-e', checker.outputFiles[0]!.text, outDir], { env }).toString())
    }
    const exports = ['createApp', 'createHttpHandler', 'handler', 'main', 'timer']
    expect(load()).toEqual({ cache: 'used', exports })
    const cacheFile = path.join(outDir, 'app.js.cache')
    const cache = fs.readFileSync(cacheFile)
    // V8 checks a cache against its source's length only: the same length, other text
    fs.writeFileSync(path.join(outDir, 'app.js'), text.replace('not-for-production', 'not-for-productioN'))
    try {
      expect(load()).toEqual({ cache: 'absent', exports })
    } finally {
      fs.writeFileSync(path.join(outDir, 'app.js'), text)
    }
    const broken = Buffer.from(cache)
    broken.fill(7, 32, 96)
    fs.writeFileSync(cacheFile, broken)
    expect(load()).toEqual({ cache: 'rejected', exports })
    fs.rmSync(cacheFile)
    expect(load()).toEqual({ cache: 'absent', exports })
  })
})

describe('configuration from the environment', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env)
      return []
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      return (err as ConfigError).problems
    }
  }
  test('production needs a long SESSION_SECRET and DATABASE_URL; clear messages', () => {
    const p = problems({ SPLITPAY_MODE: 'production' })
    expect(p.join('\n')).toMatch(/SESSION_SECRET: SESSION_SECRET of at least 32 characters/)
    expect(p.join('\n')).toMatch(/DATABASE_URL: DATABASE_URL \(a PostgreSQL server\) is required/)
    expect(problems({ SPLITPAY_MODE: 'production', SESSION_SECRET: 'short-but-16-chars', DATABASE_URL: 'postgres://db/x' }).join()).toMatch(/SESSION_SECRET/)
    expect(problems({ SPLITPAY_MODE: 'production', SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/x' })).toEqual([])
  })
  test('bad values are named', () => {
    expect(problems({ SPLITPAY_MODE: 'staging' }).join()).toMatch(/SPLITPAY_MODE/)
    expect(problems({ SPLITPAY_MODE: 'dev', DATABASE_URL: 'mysql://x' }).join()).toMatch(/DATABASE_URL/)
    expect(problems({ SPLITPAY_MODE: 'dev', WECHAT_APP_ID: 'wx1' }).join()).toMatch(/WECHAT_APP_SECRET/)
    expect(problems({ SPLITPAY_MODE: 'dev', ALIPAY_APP_ID: '2021' }).join()).toMatch(/ALIPAY_APP_ID/)
    expect(problems({ SPLITPAY_MODE: 'dev', BODY_LIMIT_BYTES: 'lots' }).join()).toMatch(/BODY_LIMIT_BYTES/)
    expect(problems({ SPLITPAY_MODE: 'dev' })).toEqual([])
  })
})
