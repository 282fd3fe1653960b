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

/**
 * One statement and its parameters, for the places where the driver sends it along with BEGIN or COMMIT in one round trip
 * (inlined as literals: its text has no `$` but its placeholders, its parameters are strings, numbers, booleans or
 * null).
 */
export interface Statement {
  sql: string
  params: Array<string | number | boolean | null>
}

export interface TransactionOptions {
  /** `repeatable read` gives a read-only sequence of queries one consistent snapshot. */
  isolation?: 'read committed' | 'repeatable read'
  /**
   * The transaction's first statements, the result of the last one handed to fn: on PostgreSQL they travel with BEGIN,
   * in one round trip.
   */
  first?: Statement[]
  /**
   * Statements the transaction's code will run next (after `first`), sent with BEGIN too: when the code runs one of
   * them (the same text and parameters), it gets this result without a round trip. Where there are no round trips
   * to save (PGlite), they simply run when asked.
   */
  ahead?: Statement[]
}

export interface Transaction extends Queryable {
  /**
   * Runs `statement` last in the transaction, its result unread: on PostgreSQL it travels with COMMIT, in one round
   * trip. If it fails, the transaction rolls back and the error is thrown.
   */
  atCommit(statement: Statement): void
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite'
  /** SQL the migrations run before any other (creating the schema this Db works in), if any. */
  readonly bootstrap?: string
  /** Runs fn in one transaction: committed if fn resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Transaction, first: QueryResult<Record<string, unknown>> | null) => Promise<T>, opts?: TransactionOptions): Promise<T>
  close(): Promise<void>
}
