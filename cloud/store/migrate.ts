/**
 * Applies pending migrations in order, all in one transaction, recorded in schema_migrations. A started instance
 * first checks with one query that every migration is there (the usual case: nothing to do, no lock, no
 * transaction); only otherwise does it take the migration lock.
 */
import type { Db } from './db'
import { loadMigrations, type Migration } from './migrations'

export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  if (await upToDate(db, migrations)) return []
  return db.transaction(async (tx) => {
    // Several instances may start at once: one migrates, the others wait and then find nothing to do.
    await tx.query('SELECT pg_advisory_xact_lock(7357001)')
    if (db.bootstrap) await tx.exec(db.bootstrap)
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

/** Whether every migration is recorded already (false too when there is no schema_migrations table yet). */
async function upToDate(db: Db, migrations: Migration[]): Promise<boolean> {
  try {
    const res = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM schema_migrations WHERE version = ANY($1::text[])', [migrations.map((m) => m.version)])
    return Number(res.rows[0]?.n) === migrations.length
  } catch {
    return false
  }
}
