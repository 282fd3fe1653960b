/** Db over a PostgreSQL server through a pg Pool. */
import type { Pool, PoolClient } from 'pg'
import type { Db, Queryable, QueryResult, Statement, Transaction, TransactionOptions } from './db'

export interface PgOptions {
  connectionString: string
  /** Pool size per function instance. */
  max?: number
  /** search_path for every connection (tests give each file its own schema). */
  schema?: string
}

/**
 * Every statement the function sends is a named prepared statement: PostgreSQL parses and plans each text once per
 * connection instead of once per request. The texts are the function's own (a fixed set), the names their order of
 * first use; past MAX_PREPARED distinct texts (never, unless a query were built from data) the rest run unnamed.
 */
const MAX_PREPARED = 1000
const prepared = new Map<string, string>()

function statementName(sql: string): string | undefined {
  let name = prepared.get(sql)
  if (name === undefined && prepared.size < MAX_PREPARED) {
    name = `sp${prepared.size}`
    prepared.set(sql, name)
  }
  return name
}

function wrap(client: Pool | PoolClient): Queryable {
  return {
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const res = await client.query({ name: statementName(sql), text: sql, values: params as unknown[] })
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 }
    },
    async exec(sql: string) {
      await client.query(sql)
    }
  }
}

/** A parameter as an SQL literal (for the statements that travel with BEGIN or COMMIT in one simple query). */
function literal(client: PoolClient, v: Statement['params'][number] | undefined): string {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`)
    return `(${v})`
  }
  if (typeof v === 'string') return client.escapeLiteral(v)
  throw new Error(`cannot inline a parameter of type ${typeof v}`)
}

/**
 * The statements that travel with BEGIN or COMMIT are PREPAREd in SQL once per connection (in a round trip of their
 * own, the first time; a prepared statement outlives a rollback), then sent as `EXECUTE name(literals)`: planned once,
 * like the named protocol-level statements. Their names (`sq0`, ...) never meet those (`sp0`, ...).
 */
const sqlNames = new Map<string, string>()
const preparedOn = new WeakMap<PoolClient, Set<string>>()

async function executable(client: PoolClient, statement: Statement): Promise<string> {
  let name = sqlNames.get(statement.sql)
  if (name === undefined) {
    if (sqlNames.size >= MAX_PREPARED) return statement.sql.replace(/\$(\d+)/g, (_, n: string) => literal(client, statement.params[Number(n) - 1]))
    name = `sq${sqlNames.size}`
    sqlNames.set(statement.sql, name)
  }
  let ready = preparedOn.get(client)
  if (!ready) preparedOn.set(client, (ready = new Set()))
  if (!ready.has(name)) {
    await client.query(`PREPARE ${name} AS ${statement.sql}`)
    ready.add(name)
  }
  return statement.params.length ? `EXECUTE ${name}(${statement.params.map((v) => literal(client, v)).join(', ')})` : `EXECUTE ${name}`
}

const aheadKey = (sql: string, params: readonly unknown[] | undefined) => `${sql}\u0000${JSON.stringify(params ?? [])}`

export async function openPg(opts: PgOptions): Promise<Db> {
  const { Pool: PgPool } = await import('pg')
  const pool = new PgPool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined
  })
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {})
  if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name: ${opts.schema}`)
  const direct = wrap(pool)
  return {
    kind: 'pg',
    bootstrap: opts.schema ? `CREATE SCHEMA IF NOT EXISTS ${opts.schema}` : undefined,
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(fn: (tx: Transaction, first: QueryResult<Record<string, unknown>> | null) => Promise<T>, topts?: TransactionOptions): Promise<T> {
      const client = await pool.connect()
      try {
        const begin = topts?.isolation === 'repeatable read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN'
        let first: QueryResult<Record<string, unknown>> | null = null
        const opening = [...(topts?.first ?? []), ...(topts?.ahead ?? [])]
        const preloaded = new Map<string, QueryResult<unknown>>()
        if (opening.length) {
          // BEGIN and the opening statements: one round trip, a result each
          const sql = [begin]
          for (const st of opening) sql.push(await executable(client, st))
          const results = (await client.query(sql.join('; '))) as unknown as { rows: unknown[]; rowCount: number | null }[]
          const nFirst = topts?.first?.length ?? 0
          if (nFirst) first = { rows: results[nFirst].rows as Record<string, unknown>[], rowCount: results[nFirst].rowCount ?? 0 }
          topts?.ahead?.forEach((st, i) => preloaded.set(aheadKey(st.sql, st.params), { rows: results[1 + nFirst + i].rows, rowCount: results[1 + nFirst + i].rowCount ?? 0 }))
        } else {
          await client.query(begin)
        }
        const last: Statement[] = []
        const own = wrap(client)
        // a statement sent ahead answers its first run from its result
        const query = <R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> => {
          if (preloaded.size === 0) return own.query<R>(sql, params)
          const key = aheadKey(sql, params)
          const hit = preloaded.get(key)
          if (!hit) return own.query<R>(sql, params)
          preloaded.delete(key)
          return Promise.resolve(hit as QueryResult<R>)
        }
        const result = await fn({ query, exec: own.exec, atCommit: (statement) => void last.push(statement) }, first)
        const sql: string[] = []
        for (const st of last) sql.push(await executable(client, st))
        await client.query([...sql, 'COMMIT'].join('; '))
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    }
  }
}
