/** Conversions at the store boundary: bigint columns and timestamps. */

/** A bigint / numeric-string / number column value as a safe JS integer; throws if it is not one. */
export function toInt(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`not a safe integer from the database: ${String(value)}`)
  if (typeof value === 'bigint' && BigInt(n) !== value) throw new Error(`integer out of range: ${value}`)
  return n
}

/** A timestamptz column value (Date from pg and PGlite, or a string) as an ISO-8601 string. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') return new Date(value).toISOString()
  throw new Error(`not a timestamp from the database: ${String(value)}`)
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value)
}

/** A jsonb column value (parsed by both drivers; a string if a driver left it as text). */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}
