/** Db over a PostgreSQL server through a pg Pool. */
import type { Pool, PoolClient } from 'pg'
import type { Db, Queryable, QueryResult, TransactionOptions } from './db'

export interface PgOptions {
  connectionString: string
  /** Pool size per function instance. */
  max?: number
  /** search_path for every connection (tests give each file its own schema). */
  schema?: string
}

function wrap(client: Pool | PoolClient): Queryable {
  return {
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const res = await client.query(sql, params as unknown[])
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 }
    },
    async exec(sql: string) {
      await client.query(sql)
    }
  }
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
  if (opts.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name: ${opts.schema}`)
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`)
  }
  const direct = wrap(pool)
  return {
    kind: 'pg',
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, topts?: TransactionOptions): Promise<T> {
      const client = await pool.connect()
      try {
        await client.query(topts?.isolation === 'repeatable read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
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
