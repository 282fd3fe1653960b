/**
 * Starts the real function over HTTP on port 0 (createApp + node http) against in-memory PGlite, or, when
 * TEST_DB=postgres, against TEST_DATABASE_URL in a fresh schema of its own (so files run in parallel).
 * Returns a small client that speaks the wire format.
 */
import { randomBytes } from 'node:crypto'
import { createApp, type App, type AppOptions } from '../../cloud/app'
import type { ActionName, ActionOutput } from '../../src/api'

export interface Reply<T = unknown> {
  status: number
  body: { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } }
}

/** The typed output of a core action (from src/api); unknown for others. */
export type Out<A extends string> = A extends ActionName ? ActionOutput<A> : unknown

export interface TypedClient {
  call<A extends string>(action: A, input?: unknown, token?: string | null): Promise<Reply<Out<A>>>
  ok<A extends string>(action: A, input?: unknown, token?: string | null): Promise<Out<A>>
}

export interface Harness {
  app: App
  url: string
  /** POST /api { action, input } with an optional bearer token. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed replies, for suites that read them freely
  call(action: string, input?: unknown, token?: string | null): Promise<Reply<any>>
  /** Like call, but fails the test unless the reply is ok; returns data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ok(action: string, input?: unknown, token?: string | null): Promise<any>
  /** The same two calls with replies typed from src/api. */
  api: TypedClient
  /** POST /api with a raw body and headers. */
  raw(body: string | Buffer, headers?: Record<string, string>, path?: string, method?: string): Promise<{ status: number; text: string; headers: Headers }>
  /** Dev sign-in as `name`. */
  signIn(name: string): Promise<ActionOutput<'signIn'>>
  /** Row counts and a fingerprint of every table, to prove nothing was written. */
  snapshot(): Promise<Record<string, string>>
  close(): Promise<void>
}

// Starting PGlite (or a schema on PostgreSQL) takes seconds on a busy machine.
jest.setTimeout(120_000)

/** The sandbox wallet on, its outbox driven by the test, and app ids for the WeChat and Alipay sign-in doubles. */
export const SANDBOX_ENV = {
  PAYMENTS_SANDBOX: 'on',
  PAYMENTS_OUTBOX_INTERVAL_MS: '0',
  WECHAT_APP_ID: 'wxsandbox00000001',
  WECHAT_APP_SECRET: 'sandbox-secret',
  ALIPAY_APP_ID: '9021000000000001',
  ALIPAY_PRIVATE_KEY: 'unused-by-the-sign-in-double',
  ALIPAY_PUBLIC_KEY: 'unused-by-the-sign-in-double'
}

/**
 * WeChat's and Alipay's sign-in servers (they cannot run here): a WeChat code `x` is the openid `o-x`; an Alipay code
 * is the user id `alipayUser(code)` says.
 */
export function platformSignIn(alipayUser: (code: string) => string): NonNullable<AppOptions['identity']> {
  return {
    fetch: async (url: string) => ({ ok: true, status: 200, json: async () => ({ openid: `o-${new URL(url).searchParams.get('js_code')}`, session_key: 'k' }) }),
    alipay: async () => ({ exec: async (_m: string, p: Record<string, unknown>) => ({ userId: alipayUser(String(p.code)) }) })
  } as NonNullable<AppOptions['identity']>
}

export const usingPostgres = () => process.env.TEST_DB === 'postgres'

let seq = 0
/** A fresh client-made id. */
export function cid(prefix = 'c'): string {
  return `${prefix}${(seq++).toString(36)}_${randomBytes(9).toString('base64url')}`
}

export async function startHarness(opts: Partial<AppOptions> = {}): Promise<Harness> {
  const env = { SPLITPAY_MODE: 'dev', ...(opts.env ?? {}) }
  // A PGlite data directory in env.PGLITE_DIR means: that on-disk database, whatever TEST_DB says.
  const onDisk = Boolean(opts.env?.PGLITE_DIR)
  const pg = usingPostgres() && !onDisk
  if (pg && !process.env.TEST_DATABASE_URL) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (set by the cloud-postgres global setup)')
  const app = await createApp({
    ...opts,
    env,
    databaseUrl: opts.databaseUrl ?? (pg ? process.env.TEST_DATABASE_URL : onDisk ? undefined : 'memory'),
    schema: pg ? `t_${randomBytes(6).toString('hex')}` : undefined
  })
  const { url } = await app.listen(0)

  async function call<A extends string>(action: A, input?: unknown, token?: string | null): Promise<Reply<Out<A>>> {
    const res = await fetch(`${url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, input })
    })
    return { status: res.status, body: (await res.json()) as Reply<Out<A>>['body'] }
  }

  async function ok<A extends string>(action: A, input?: unknown, token?: string | null): Promise<Out<A>> {
    const r = await call(action, input, token)
    if (!r.body.ok) throw new Error(`${action} failed: ${r.status} ${JSON.stringify(r.body.error)}`)
    return r.body.data
  }

  return {
    app,
    url,
    call,
    ok,
    api: { call, ok },
    async raw(body, headers = {}, path = '/api', method = 'POST') {
      const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'GET' ? undefined : (body as BodyInit) })
      return { status: res.status, text: await res.text(), headers: res.headers }
    },
    async signIn(name: string) {
      const r = await call('signIn', { provider: 'dev', name })
      if (!r.body.ok) throw new Error(`signIn failed: ${JSON.stringify(r.body.error)}`)
      return r.body.data
    },
    async snapshot() {
      const list = await app.db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
      )
      const tables = list.rows.map((r) => r.table_name)
      if (!tables.includes('expenses')) throw new Error(`snapshot: unexpected table list ${tables.join(', ')}`)
      const out: Record<string, string> = {}
      for (const t of tables) {
        const r = await app.db.query<{ n: unknown; h: string | null }>(`SELECT COUNT(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${t} t`)
        out[t] = `${String(r.rows[0].n)}:${r.rows[0].h ?? ''}`
      }
      return out
    },
    async close() {
      await app.close()
    }
  }
}

/** An expense split equally, paid by one member. */
export function equalExpense(id: string, amount: number, payer: string, members: string[]) {
  return { id, amount, paidBy: { [payer]: amount }, split: { mode: 'equal' as const, members } }
}

export function sum(values: Record<string, number>): number {
  return Object.values(values).reduce((a, b) => a + b, 0)
}
