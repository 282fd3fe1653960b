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

/** `statement` as text with its parameters inlined as literals, to travel with BEGIN or COMMIT in one simple query. */
function inline(client: PoolClient, statement: Statement): string {
  return statement.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const v = statement.params[Number(n) - 1]
    if (v === null || v === undefined) return 'NULL'
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`)
      return `(${v})`
    }
    if (typeof v === 'string') return client.escapeLiteral(v)
    throw new Error(`cannot inline a parameter of type ${typeof v}`)
  })
}

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
        if (topts?.first?.length) {
          // BEGIN and the first statements: one round trip, a result each
          const results = (await client.query([begin, ...topts.first.map((st) => inline(client, st))].join('; '))) as unknown as { rows: Record<string, unknown>[]; rowCount: number | null }[]
          const last = results[results.length - 1]
          first = { rows: last.rows, rowCount: last.rowCount ?? 0 }
        } else {
          await client.query(begin)
        }
        const last: Statement[] = []
        const result = await fn({ ...wrap(client), atCommit: (statement) => void last.push(statement) }, first)
        await client.query([...last.map((st) => inline(client, st)), 'COMMIT'].join('; '))
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
