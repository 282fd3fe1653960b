/**
 * Several instances, one PostgreSQL (runs in the cloud-postgres project only: two processes cannot share an
 * in-memory PGlite). Two function processes serve one schema, behind a small gateway like a serverless host's:
 * the gateway spreads the SDKs' sandbox calls over both instances and delivers every provider notification to
 * BOTH at once (a provider retrying onto another instance). Against both at once: concurrent writes to one group
 * (some requests sent to both with the same client id), one payment notified to each, the payout workers of both
 * polling the same outbox, and an instance killed with an order open and started again. Everything happens
 * exactly once, the balances sum to zero, both instances answer the same, and no statement waits on a lock for
 * a second or more (pg_stat_activity is sampled throughout).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { Client } from 'pg'
import { cid, equalExpense, sum } from './harness'

jest.setTimeout(180_000)

const databaseUrl = process.env.TEST_DATABASE_URL!
const schema = `t_${randomBytes(6).toString('hex')}`

interface Instance {
  url: string
  child: ChildProcess
}

let gatewayUrl = ''
const instances: Instance[] = []
let nextSandboxTarget = 0
/** Every notification the gateway fanned out, with each instance's answer. */
const fanned: Array<{ path: string; answers: number[] }> = []

function passHeaders(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((v, k) => {
    if (!['content-length', 'connection', 'transfer-encoding', 'content-encoding'].includes(k)) out[k] = v
  })
  return out
}

const gateway = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const body = Buffer.concat(chunks)
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>
    const forward = (base: string) =>
      fetch(`${base}${req.url}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : body }).then(async (r) => ({
        status: r.status,
        headers: passHeaders(r.headers),
        body: Buffer.from(await r.arrayBuffer())
      }))
    const live = instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null)
    const job = req.url!.startsWith('/notify/')
      ? Promise.all(live.map((i) => forward(i.url))).then((answers) => {
          fanned.push({ path: req.url!, answers: answers.map((a) => a.status) })
          return answers[0]!
        })
      : forward(live[nextSandboxTarget++ % live.length]!.url)
    job.then(
      (a) => res.writeHead(a.status, a.headers).end(a.body),
      (err: Error) => res.writeHead(502).end(err.message)
    )
  })
})

function startInstance(): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures/instance.ts')], {
    env: {
      PATH: process.env.PATH,
      SPLITPAY_MODE: 'dev',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      PAYMENTS_SANDBOX: 'on',
      PAYMENTS_PUBLIC_URL: gatewayUrl,
      // both payout workers poll the outbox often, so they do race for the same payouts
      PAYMENTS_OUTBOX_INTERVAL_MS: '100'
    } as Record<string, string> as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let errors = ''
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening (\S+)/.exec(out)
      if (m) resolve({ url: m[1]!, child })
    })
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${errors}`)))
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are read freely
async function call<T = any>(base: string, action: string, input: unknown, token?: string): Promise<{ status: number; ok: boolean; data: T; code?: string }> {
  const res = await fetch(`${base}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input })
  })
  const body = (await res.json()) as { ok: boolean; data: T; error?: { code: string } }
  return { status: res.status, ok: body.ok, data: body.data, code: body.error?.code }
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok<T = any>(base: string, action: string, input: unknown, token?: string): Promise<T> {
  const r = await call<T>(base, action, input, token)
  if (!r.ok) throw new Error(`${action} on ${base}: ${r.status} ${r.code}`)
  return r.data
}

/** Runs the tasks with at most `limit` of them in flight at once; the results in the tasks' order. */
async function inFlight<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]!()
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}

/** The longest a statement in this database has waited on a lock, sampled every 25 ms while `run` runs. */
async function longestLockWait<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const watcher = new Client({ connectionString: databaseUrl })
  await watcher.connect()
  let seconds = 0
  let done = false
  const sampling = (async () => {
    while (!done) {
      const r = await watcher.query<{ s: number | null }>(
        "SELECT max(extract(epoch FROM clock_timestamp() - query_start))::float AS s FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
      )
      seconds = Math.max(seconds, r.rows[0]?.s ?? 0)
      await new Promise((r) => setTimeout(r, 25))
    }
  })()
  try {
    const result = await run()
    return { result, seconds }
  } finally {
    done = true
    await sampling
    await watcher.end()
  }
}

const db = new Client({ connectionString: databaseUrl })
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rows = async <R = any>(sql: string, params: unknown[] = []) => (await db.query(sql.replace(/\bS\./g, `${schema}.`), params)).rows as R[]

beforeAll(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`
  await db.connect()
  // one after the other: the first creates the schema and migrates, the second finds it done
  instances.push(await startInstance())
  instances.push(await startInstance())
})

afterAll(async () => {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.child.exitCode !== null || i.child.signalCode !== null) return resolve()
          i.child.once('exit', () => resolve())
          i.child.kill('SIGTERM')
        })
    )
  )
  await new Promise<void>((resolve) => gateway.close(() => resolve()))
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {})
  await db.end()
})

const [A, B] = [() => instances[0]!.url, () => instances[1]!.url]
const either = (i: number) => (i % 2 === 0 ? A() : B())

interface Person {
  token: string
  member: string
}
let groupId = ''
let people: Person[] = []

test('concurrent writes to one group through both instances happen exactly once', async () => {
  const signIns = await Promise.all(Array.from({ length: 6 }, (_, i) => ok(either(i), 'signIn', { provider: 'dev', name: `P${i}` })))
  const { group } = await ok(A(), 'createGroup', { clientId: cid(), name: 'Two instances', currency: 'CNY' }, signIns[0].token)
  groupId = group.id
  people = [{ token: signIns[0].token, member: group.me }]
  const { token: invite } = await ok(B(), 'createInvite', { groupId, clientId: cid() }, signIns[0].token)
  const joined = await Promise.all(signIns.slice(1).map((s, i) => ok(either(i), 'joinGroup', { clientId: cid(), token: invite }, s.token)))
  people.push(...joined.map((j, i) => ({ token: signIns[i + 1].token, member: j.group.me as string })))
  const members = people.map((p) => p.member)

  // 60 expenses by everyone, alternating instances; every fifth is sent to both with the same client id
  const writes = Array.from({ length: 60 }, (_, n) => {
    const who = people[n % people.length]!
    const amount = 1000 + 37 * n
    const input = { groupId, clientId: cid(), expense: equalExpense(`e_${n}_${cid()}`, amount, who.member, members), description: `Item ${n}` }
    return { who, input, twice: n % 5 === 0 }
  })
  // Writes to one group take the group's row lock in turn, so the last of N simultaneous writers waits N
  // transactions: the six people keep 6 requests in flight at once (one each), as a busy group chat would.
  const sends = writes.flatMap((w, n) => {
    const one = [() => call(either(n), 'addExpense', w.input, w.who.token)]
    if (w.twice) one.push(() => call(either(n + 1), 'addExpense', w.input, w.who.token))
    return one
  })
  const { result: answers, seconds } = await longestLockWait(() => inFlight(6, sends))
  expect(answers.filter((a) => !a.ok)).toEqual([])
  expect(seconds).toBeLessThan(1)

  // stored once each: 60 expenses, and the group version moved once per stored write
  const stored = await rows<{ n: string }>('SELECT count(*) AS n FROM S.expenses WHERE group_id = $1', [groupId])
  expect(Number(stored[0]!.n)).toBe(60)
  const versions = answers.map((a) => a.data.version as number)
  const distinct = new Set(versions)
  expect(distinct.size).toBe(60)
  // both instances answer the same group, and its balances sum to zero
  const [viewA, viewB] = await Promise.all([ok(A(), 'getGroup', { groupId }, people[1]!.token), ok(B(), 'getGroup', { groupId }, people[2]!.token)])
  expect(viewA.group.version).toBe(viewB.group.version)
  expect(viewA.group.version).toBe(Math.max(...versions))
  expect(viewA.group.balances).toEqual(viewB.group.balances)
  expect(sum(viewA.group.balances)).toBe(0)
  const spent = writes.reduce((s, w) => s + w.input.expense.amount, 0)
  expect(viewA.group.totalSpent).toBe(spent)
})

test('one payment notified to both instances is applied once, and the two payout workers pay out once', async () => {
  const { group } = await ok(A(), 'getGroup', { groupId }, people[0]!.token)
  const transfer = group.plan[0] as { from: string; to: string; amount: number }
  const payer = people.find((p) => p.member === transfer.from)!
  const payee = people.find((p) => p.member === transfer.to)!
  // the payee receives in Alipay: the payout finishes at once, so only the workers' race decides how many are sent
  await ok(B(), 'setWallet', { clientId: cid(), wallet: 'alipay' }, payee.token)

  const { result: order, seconds } = await longestLockWait(async () => {
    const out = await ok(A(), 'createPaymentOrder', { groupId, from: transfer.from, to: transfer.to, clientId: cid(), channel: 'sandbox' }, payer.token)
    // the payer approves in the sandbox wallet served by the other instance; it notifies through the gateway
    const approved = await fetch(`${B()}/sandbox/api/orders/${out.transfer.id}/approve`, { method: 'POST' })
    expect(approved.status).toBe(200)
    return out
  })
  expect(seconds).toBeLessThan(1)
  const notice = fanned.find((f) => f.path === '/notify/wechat')!
  // WeChat Pay's success answer is 204 No Content: both instances acknowledged it
  expect(notice.answers).toEqual([204, 204])

  // exactly one payment, one payout, one transfer request to the wallet, although both workers polled
  const payments = await rows('SELECT id, amount FROM S.payments WHERE group_id = $1 AND from_member = $2 AND to_member = $3', [groupId, transfer.from, transfer.to])
  expect(payments.map((p) => Number(p.amount))).toEqual([transfer.amount])
  const deadline = Date.now() + 30_000
  let payout: { id: string; state: string } | undefined
  while (Date.now() < deadline) {
    ;[payout] = await rows<{ id: string; state: string }>('SELECT id, state FROM S.pay_payouts WHERE transfer_id = $1', [order.transfer.id])
    if (payout?.state === 'succeeded') break
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(payout?.state).toBe('succeeded')
  expect(await rows('SELECT count(*)::int AS n FROM S.pay_payouts WHERE transfer_id = $1', [order.transfer.id])).toEqual([{ n: 1 }])
  expect(await rows('SELECT requests, state FROM S.sandbox_transfers WHERE out_bill_no = $1', [payout!.id])).toEqual([{ requests: 1, state: 'SUCCESS' }])
  const t = await ok(B(), 'getTransfer', { groupId, transferId: order.transfer.id }, payer.token)
  expect(t.transfer.state).toBe('settled')
  const after = await ok(B(), 'getGroup', { groupId }, payee.token)
  expect(sum(after.group.balances)).toBe(0)
  expect(after.group.plan.some((p: { from: string; to: string; state: string }) => p.from === transfer.from && p.to === transfer.to && p.state === 'open')).toBe(false)
})

test('an instance killed with an order open loses nothing: the order is paid through the restarted one', async () => {
  const { group } = await ok(B(), 'getGroup', { groupId }, people[0]!.token)
  const transfer = (group.plan as Array<{ from: string; to: string; amount: number; state: string }>).find((p) => p.state === 'open')!
  const payer = people.find((p) => p.member === transfer.from)!
  const out = await ok(A(), 'createPaymentOrder', { groupId, from: transfer.from, to: transfer.to, clientId: cid(), channel: 'sandbox' }, payer.token)
  // both instances die (kill -9): nothing of the order lives in a process
  for (const i of instances) i.child.kill('SIGKILL')
  await Promise.all(instances.map((i) => new Promise((r) => (i.child.exitCode !== null || i.child.signalCode !== null ? r(null) : i.child.once('exit', r)))))
  instances.splice(0, instances.length, await startInstance())
  const seen = await fetch(`${A()}/sandbox/api/orders/${out.transfer.id}`)
  expect(await seen.json()).toMatchObject({ orderId: out.transfer.id, amount: transfer.amount, state: 'open' })
  const approved = await fetch(`${A()}/sandbox/api/orders/${out.transfer.id}/approve`, { method: 'POST' })
  expect(((await approved.json()) as { notify: { status: number } }).notify.status).toBe(204)
  const t = await ok(A(), 'getTransfer', { groupId, transferId: out.transfer.id }, payer.token)
  // the payment is in: the payee's payout is on its way
  expect(['payout_pending', 'settled']).toContain(t.transfer.state)
  const payments = await rows('SELECT count(*)::int AS n FROM S.payments WHERE group_id = $1 AND from_member = $2 AND to_member = $3', [groupId, transfer.from, transfer.to])
  expect(payments).toEqual([{ n: 1 }])
})
