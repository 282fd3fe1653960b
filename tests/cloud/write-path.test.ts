/**
 * The write path's round-trip savings keep their guarantees (on PGlite, and on PostgreSQL in cloud-postgres):
 * statements sent with BEGIN and with COMMIT as inlined literals store exactly what they were given and fail the
 * transaction as a whole; a client id's claim is one row written once, and a retry or a concurrent twin gets the
 * first answer; a reader of a version just committed waits for its writer's cache update, never for itself.
 */
import { LedgerCache } from '../../cloud/ledger/cache'
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await h.app.db.exec('CREATE TABLE wp_notes (id text PRIMARY KEY, body text, n bigint, flag boolean, doc jsonb)')
})
afterAll(async () => {
  await h?.close()
})

// Quotes, a backslash, a placeholder-looking `$1`, a comment opener, newlines and characters outside ASCII.
const AWKWARD = `it's a "test" \\ with $1 and $2 -- not a comment; DROP TABLE wp_notes; 你好 🎉\n\tend`

describe('statements sent with BEGIN and COMMIT', () => {
  test('store exactly the values they were given, and the first statements hand their last result to the transaction', async () => {
    const seen = await h.app.db.transaction(
      async (q, first) => {
        q.atCommit({ sql: 'INSERT INTO wp_notes (id, body, n, flag, doc) VALUES ($1, $2, $3, $4, $5::jsonb)', params: ['a', AWKWARD, -42, true, JSON.stringify({ s: AWKWARD })] })
        q.atCommit({ sql: 'INSERT INTO wp_notes (id, body, n, flag, doc) VALUES ($1, $2, $3, $4, $5::jsonb)', params: ['b', null, 9007199254740991, false, null] })
        return first?.rows
      },
      { first: [{ sql: 'SELECT $1::text AS x', params: ['ignored'] }, { sql: 'SELECT $1::text AS echo, $2::bigint - 1 AS n', params: [AWKWARD, -5] }] }
    )
    expect(seen).toEqual([{ echo: AWKWARD, n: expect.anything() }])
    expect(Number(seen![0].n)).toBe(-6)
    const rows = await h.app.db.query<Record<string, unknown>>('SELECT id, body, n, flag, doc FROM wp_notes ORDER BY id')
    expect(rows.rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { id: 'a', body: AWKWARD, n: -42, flag: true, doc: { s: AWKWARD } },
      { id: 'b', body: null, n: 9007199254740991, flag: false, doc: null }
    ])
  })

  test('a statement sent ahead with BEGIN answers the transaction\'s own query of it (PostgreSQL: it ran at BEGIN)', async () => {
    await h.app.db.exec('CREATE SEQUENCE wp_seq')
    const ahead = { sql: 'SELECT nextval($1::regclass) AS n', params: ['wp_seq'] }
    const seen = await h.app.db.transaction(
      async (q) => {
        const other = await q.query<{ n: unknown }>('SELECT nextval($1::regclass) AS n, 1 AS other', ['wp_seq'])
        const mine = await q.query<{ n: unknown }>(ahead.sql, ahead.params)
        const again = await q.query<{ n: unknown }>(ahead.sql, ahead.params)
        return [other, mine, again].map((r) => Number(r.rows[0].n))
      },
      { ahead: [ahead] }
    )
    // on PostgreSQL the statement ran with BEGIN, before the transaction's first query, and its answer is used once;
    // PGlite (no round trips to save) runs it when asked
    expect(seen).toEqual(h.app.db.kind === 'pg' ? [2, 1, 3] : [1, 2, 3])
  })

  test('a statement that fails at COMMIT rolls the whole transaction back and throws', async () => {
    const before = await h.snapshot()
    await expect(
      h.app.db.transaction(async (q) => {
        await q.query('INSERT INTO wp_notes (id, body) VALUES ($1, $2)', ['c', 'kept only if it commits'])
        q.atCommit({ sql: 'INSERT INTO wp_notes (id, body) VALUES ($1, $2)', params: ['a', 'a duplicate key'] })
      })
    ).rejects.toThrow()
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('client ids', () => {
  test('a claim is one row holding the first answer; a retry and a concurrent twin replay it and write nothing', async () => {
    const s = await h.signIn('Claimer')
    const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Claims' }, s.token)
    const input = { groupId: g.group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 1234, g.group.me, [g.group.me]), description: 'Once' }
    const [a, b] = await Promise.all([h.api.call('addExpense', input, s.token), h.api.call('addExpense', input, s.token)])
    expect(a.status).toBe(200)
    expect(b).toEqual(a)
    const after = await h.snapshot()
    expect(await h.api.call('addExpense', input, s.token)).toEqual(a)
    expect(await h.snapshot()).toEqual(after)
    const claims = await h.app.db.query<{ action: string; result: unknown }>('SELECT action, result FROM idempotency WHERE client_id = $1', [input.clientId])
    expect(claims.rows).toHaveLength(1)
    expect(claims.rows[0].action).toBe('addExpense')
    expect(claims.rows[0].result).toEqual(a.body.ok ? a.body.data : null)
    // the same id for another request is refused, and writes nothing
    const other = await h.api.call('addExpense', { ...input, description: 'Twice?' }, s.token)
    expect(other.status).toBe(409)
    expect(other.body.ok ? null : other.body.error.code).toBe('CLIENT_ID_REUSED')
    expect(await h.snapshot()).toEqual(after)
  })

  test('a request that fails leaves no claim: its retry runs anew', async () => {
    const s = await h.signIn('Retrier')
    const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Retry' }, s.token)
    const input = { groupId: g.group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 500, g.group.me, [g.group.me, 'm_nobody']), description: 'Bad split' }
    const bad = await h.api.call('addExpense', input, s.token)
    expect(bad.body.ok ? null : bad.body.error.code).toBe('UNKNOWN_MEMBER')
    const claims = await h.app.db.query('SELECT 1 FROM idempotency WHERE client_id = $1', [input.clientId])
    expect(claims.rows).toHaveLength(0)
    const fixed = await h.api.call('addExpense', { ...input, expense: equalExpense(input.expense.id, 500, g.group.me, [g.group.me]) }, s.token)
    expect(fixed.status).toBe(200)
  })
})

describe('the ledger cache between a commit and its update', () => {
  const delta = { balances: { a: 5, b: -5 }, expenseCount: 1, totalSpent: 5 }

  test('a reader of the version a writer is making waits for the writer to commit, then reads its state', async () => {
    const shared = new LedgerCache()
    shared.set('g', { version: 1, balances: {}, expenseCount: 0, totalSpent: 0 })
    const writer = shared.begin()
    writer.advance('g', 1, 2, delta)
    const reader = shared.begin()
    let settled = false
    const waiting = reader.settled('g', 2).then(() => (settled = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(settled).toBe(false)
    expect(reader.get('g', 2)).toBeUndefined()
    writer.commit()
    await waiting
    expect(reader.get('g', 2)).toEqual({ version: 2, balances: { a: 5, b: -5 }, expenseCount: 1, totalSpent: 5 })
  })

  test('a writer that rolls back releases its readers without touching the cache', async () => {
    const shared = new LedgerCache()
    shared.set('g', { version: 1, balances: {}, expenseCount: 0, totalSpent: 0 })
    const writer = shared.begin()
    writer.advance('g', 1, 2, delta)
    const waiting = shared.begin().settled('g', 2)
    writer.abort()
    await waiting
    expect(shared.get('g', 2)).toBeUndefined()
    expect(shared.get('g', 1)?.version).toBe(1)
  })

  test('nobody waits for a version no writer is making, and a request never waits for itself', async () => {
    const shared = new LedgerCache()
    const writer = shared.begin()
    writer.advance('g', 1, 2, delta)
    await shared.begin().settled('g', 3)
    await shared.begin().settled('other', 2)
    await writer.settled('g', 2)
    writer.commit()
  })
})
