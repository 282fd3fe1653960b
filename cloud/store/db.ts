/** The one small database interface the function uses; implemented over pg (PostgreSQL) and PGlite. */
export interface QueryResult<R> {
  rows: R[]
  rowCount: number
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface TransactionOptions {
  /** `repeatable read` gives a read-only sequence of queries one consistent snapshot. */
  isolation?: 'read committed' | 'repeatable read'
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite'
  /** Runs fn in one transaction: committed if fn resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: TransactionOptions): Promise<T>
  close(): Promise<void>
}
