/**
 * Db over embedded PGlite (a data directory on disk, or memory). PGlite has one connection, so every
 * query and transaction goes through one queue: a transaction never interleaves with another statement.
 */
import fs from 'node:fs'
import type { Db, Queryable, QueryResult, Statement, Transaction, TransactionOptions } from './db'

export interface PgliteOptions {
  /** A directory for the data files; undefined keeps everything in memory. */
  dataDir?: string
}

type Lite = {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>
  exec(sql: string): Promise<unknown>
  close(): Promise<void>
}

function wrap(lite: Lite): Queryable {
  return {
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const res = await lite.query<R>(sql, params ?? [])
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length }
    },
    async exec(sql: string) {
      await lite.exec(sql)
    }
  }
}

export async function openPglite(opts: PgliteOptions = {}): Promise<Db> {
  // required, not imported: the deploy bundle has no dynamic import(), so it can be compiled from its code cache
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite')
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true })
  const lite = (await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {})) as unknown as Lite
  let tail: Promise<unknown> = Promise.resolve()
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job)
    tail = run.catch(() => {})
    return run
  }
  const direct = wrap(lite)
  return {
    kind: 'pglite',
    query: (sql, params) => enqueue(() => direct.query(sql, params)),
    exec: (sql) => enqueue(() => direct.exec(sql)),
    transaction<T>(fn: (tx: Transaction, first: QueryResult<Record<string, unknown>> | null) => Promise<T>, topts?: TransactionOptions): Promise<T> {
      return enqueue(async () => {
        await lite.query('BEGIN')
        try {
          let first: QueryResult<Record<string, unknown>> | null = null
          for (const statement of topts?.first ?? []) first = await direct.query<Record<string, unknown>>(statement.sql, statement.params)
          const last: Statement[] = []
          const result = await fn({ ...direct, atCommit: (statement) => void last.push(statement) }, first)
          for (const statement of last) await direct.query(statement.sql, statement.params)
          await lite.query('COMMIT')
          return result
        } catch (err) {
          await lite.query('ROLLBACK').catch(() => {})
          throw err
        }
      })
    },
    close: () => enqueue(() => lite.close())
  }
}
