/**
 * Local HTTP stand-ins of exactly the platform endpoints the function calls for messages, built from the published
 * request and reply shapes and error codes (docs/messages.md lists the sources):
 * - WeChat: POST /cgi-bin/stable_token, POST /cgi-bin/message/subscribe/send?access_token=, POST
 *   /wxa/generate_urllink?access_token= (always HTTP 200 with { errcode, errmsg }).
 * - Alipay: the gateway's alipay.open.app.mini.templatemessage.send (RSA2-signed request checked with the app's
 *   public key; the answer signed with the platform's key, as alipay-sdk checks it).
 * Every request is recorded as it arrived, so tests assert exactly what the function sent.
 */
import { createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  path: string
  query: Record<string, string>
  body: Record<string, unknown>
}

async function serve(handler: (path: string, query: URLSearchParams, raw: string) => { status?: number; body: string }) {
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (d) => (raw += d))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const out = handler(url.pathname, url.searchParams, raw)
      res.writeHead(out.status ?? 200, { 'content-type': 'application/json' })
      res.end(out.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const LIMITS: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  name: (v) => [...v].length <= 10,
  amount: (v) => /^[¥$€£₩]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phrase: (v) => [...v].length <= 5,
  number: (v) => /^\d{1,32}(\.\d+)?$/.test(v)
}

/** WeChat's API host for messages and links. */
export async function startWechatApi(opts: { appId: string; secret: string }) {
  let serial = 0
  let current: { token: string; expiresAt: number } | null = null
  const expired = new Set<string>()
  /** openid -> template id -> messages the person agreed to (one per "accept" in the subscribe panel). */
  const credits = new Map<string, Map<string, number>>()
  const state = {
    requests: [] as Recorded[],
    templates: new Set<string>(),
    /** The person tapped "accept" for `templateId` in the subscribe panel. */
    subscribe(openid: string, templateId: string) {
      const mine = credits.get(openid) ?? new Map<string, number>()
      mine.set(templateId, (mine.get(templateId) ?? 0) + 1)
      credits.set(openid, mine)
    },
    /** The current token stops working (WeChat answers 42001 for it). */
    expireToken() {
      if (current) expired.add(current.token)
    },
    get token() {
      return current?.token ?? null
    },
    tokenIssues: 0
  }
  const err = (errcode: number, errmsg: string) => ({ body: JSON.stringify({ errcode, errmsg: `${errmsg} rid: 6500${errcode}-fake` }) })
  const { server, origin } = await serve((path, query, raw) => {
    let body: Record<string, unknown> = {}
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      return err(47001, 'data format error')
    }
    state.requests.push({ path, query: Object.fromEntries(query), body })
    if (path === '/cgi-bin/stable_token') {
      if (body.grant_type !== 'client_credential') return err(40002, 'invalid grant_type')
      if (body.appid !== opts.appId) return err(40013, 'invalid appid')
      if (body.secret !== opts.secret) return err(40125, 'invalid appsecret')
      // normal mode gives the token in force; force_refresh makes a new one and retires the old
      if (!current || body.force_refresh === true || expired.has(current.token)) {
        current = { token: `ACCESS_TOKEN_${++serial}`, expiresAt: Date.now() + 7200_000 }
        state.tokenIssues++
      }
      return { body: JSON.stringify({ access_token: current.token, expires_in: Math.round((current.expiresAt - Date.now()) / 1000) }) }
    }
    const token = query.get('access_token') ?? ''
    if (!current || (token !== current.token && !expired.has(token))) return err(40001, 'invalid credential, access_token is invalid or not latest')
    if (expired.has(token)) return err(42001, 'access_token expired')
    if (path === '/cgi-bin/message/subscribe/send') {
      const openid = String(body.touser ?? '')
      const templateId = String(body.template_id ?? '')
      if (!openid) return err(40003, 'invalid openid')
      if (!state.templates.has(templateId)) return err(40037, 'invalid template_id')
      for (const [key, v] of Object.entries((body.data ?? {}) as Record<string, { value?: unknown }>)) {
        const check = LIMITS[key.replace(/\d+$/, '')]
        if (typeof v?.value !== 'string' || (check && !check(v.value))) return err(47003, `argument invalid! data.${key}.value`)
      }
      const left = credits.get(openid)?.get(templateId) ?? 0
      if (left <= 0) return err(43101, 'user refuse to accept the msg')
      credits.get(openid)!.set(templateId, left - 1)
      return { body: JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 1000 + state.requests.length }) }
    }
    if (path === '/wxa/generate_urllink') {
      if (typeof body.query === 'string' && body.query && !/^[^=&]+=[^&]*(&[^=&]+=[^&]*)*$/.test(body.query)) return err(40212, 'invalid query')
      if (body.expire_type === 1 && (typeof body.expire_interval !== 'number' || body.expire_interval < 1 || body.expire_interval > 30)) return err(85401, 'time limit between 1min and 30days')
      if (body.env_version !== undefined && !['release', 'trial', 'develop'].includes(String(body.env_version))) return err(85402, 'invalid env_version')
      return { body: JSON.stringify({ errcode: 0, errmsg: 'ok', url_link: `https://wxaurl.cn/fake${state.requests.length}` }) }
    }
    return { status: 404, body: JSON.stringify({ errcode: 404, errmsg: 'not found' }) }
  })
  return { ...state, state, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const pem = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ type, format: 'pem' }).toString()

/** Alipay's gateway for templatemessage.send. */
export async function startAlipayGateway() {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const state = { requests: [] as Recorded[], templates: new Set<string>(), signatureOk: [] as boolean[] }
  const reply = (method: string, data: Record<string, unknown>) => {
    const inner = JSON.stringify(data)
    const sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(platform.privateKey, 'base64')
    return { body: `{"${method.replace(/\./g, '_')}_response":${inner},"sign":"${sign}"}` }
  }
  const fail = (method: string, sub: string, msg: string) => reply(method, { code: '40004', msg: 'Business Failed', sub_code: sub, sub_msg: msg })
  const { server, origin } = await serve((path, query, raw) => {
    const params = new URLSearchParams(query)
    for (const [k, v] of new URLSearchParams(raw)) params.set(k, v)
    const signed = [...params.entries()].filter(([k]) => k !== 'sign').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&')
    const ok = createVerify('RSA-SHA256').update(signed, 'utf8').verify(app.publicKey, params.get('sign') ?? '', 'base64')
    state.signatureOk.push(ok)
    const method = params.get('method') ?? ''
    const biz = JSON.parse(params.get('biz_content') ?? '{}') as Record<string, unknown>
    state.requests.push({ path, query: Object.fromEntries(params), body: biz })
    if (!ok) return { body: JSON.stringify({ error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: 'bad sign' } }) }
    // sign-in (the tests' Alipay users): auth code "2088…" is that user id
    if (method === 'alipay.system.oauth.token') return reply(method, { user_id: params.get('code'), access_token: 'at', expires_in: 1296000 })
    if (method !== 'alipay.open.app.mini.templatemessage.send') return fail(method, 'isv.invalid-method', 'unknown method')
    if (!state.templates.has(String(biz.user_template_id))) return fail(method, 'USER_TEMPLATE_ILLEGAL', '模板非法')
    let data: Record<string, { value?: string }>
    try {
      data = JSON.parse(String(biz.data)) as Record<string, { value?: string }>
    } catch {
      return fail(method, 'USER_TEMPLATE_LACK_KEYWORD', '缺少关键词')
    }
    if (Object.keys(data).length !== 4) return fail(method, 'USER_TEMPLATE_LACK_KEYWORD', '缺少关键词')
    if (Object.values(data).some((v) => [...String(v.value ?? '')].length > 50)) return fail(method, 'USER_KEYWORD_LENGTH_ERROR', '关键词超长')
    return reply(method, { code: '10000', msg: 'Success' })
  })
  return {
    state,
    gateway: `${origin}/gateway.do`,
    env: { ALIPAY_APP_ID: '2021000000000000', ALIPAY_PRIVATE_KEY: pem(app.privateKey, 'pkcs8'), ALIPAY_PUBLIC_KEY: pem(platform.publicKey, 'spki') },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
