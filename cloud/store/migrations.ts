/**
 * The numbered SQL migrations in cloud/store/migrations (001_init.sql, 002_...). In the deploy bundle they are
 * inlined by scripts/build-cloud.ts as __SPLITPAY_MIGRATIONS__; otherwise read from the directory.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface Migration {
  version: string
  sql: string
}

declare const __SPLITPAY_MIGRATIONS__: Migration[] | undefined

const NAME = /^(\d{3,})_[a-z0-9_]+\.sql$/

export function readMigrationsDir(dir: string): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }))
}

export function loadMigrations(): Migration[] {
  if (typeof __SPLITPAY_MIGRATIONS__ !== 'undefined') return __SPLITPAY_MIGRATIONS__
  return readMigrationsDir(path.join(__dirname, 'migrations'))
}
