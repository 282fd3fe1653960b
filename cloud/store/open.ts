/** Opens the database the configuration names: PostgreSQL for a URL, PGlite on disk or in memory otherwise. */
import type { Db } from './db'
import { migrate } from './migrate'

export interface OpenOptions {
  /** postgres://... for a server; 'memory' for in-memory PGlite; undefined for PGlite in `pgliteDir`. */
  databaseUrl?: string
  pgliteDir?: string
  /** PostgreSQL only: a schema to create and use (tests give each file its own). */
  schema?: string
  poolMax?: number
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  let db: Db
  if (opts.databaseUrl && opts.databaseUrl !== 'memory') {
    const { openPg } = await import('./pg')
    db = await openPg({ connectionString: opts.databaseUrl, schema: opts.schema, max: opts.poolMax })
  } else {
    const { openPglite } = await import('./pglite')
    db = await openPglite({ dataDir: opts.databaseUrl === 'memory' ? undefined : opts.pgliteDir ?? '.data/pglite' })
  }
  try {
    await migrate(db)
  } catch (err) {
    await db.close().catch(() => {})
    throw err
  }
  return db
}
