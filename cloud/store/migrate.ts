/** Applies pending migrations in order, all in one transaction, recorded in schema_migrations. */
import type { Db } from './db'
import { loadMigrations, type Migration } from './migrations'

export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Several instances may start at once: one migrates, the others wait and then find nothing to do.
    await tx.query('SELECT pg_advisory_xact_lock(7357001)')
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
    const done = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    const applied: string[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      await tx.exec(m.sql)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version])
      applied.push(m.version)
    }
    return applied
  })
}
