/** Blobs in the database: one row of `blobs` (migration 020) per key, read and written in the caller's transaction. */
import type { Queryable } from '../store/db'
import type { Blob, BlobStore } from './store'

/** bytea comes back as a Buffer from pg and as a Uint8Array from PGlite. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  throw new Error('blobs: unexpected bytea value')
}

export class DbBlobStore implements BlobStore {
  constructor(private readonly q: Queryable) {}

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.q.query(
      `INSERT INTO blobs (key, content_type, bytes, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (key) DO UPDATE SET content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes`,
      [key, contentType, bytes]
    )
  }

  async get(key: string): Promise<Blob | null> {
    const res = await this.q.query<{ content_type: string; bytes: unknown }>('SELECT content_type, bytes FROM blobs WHERE key = $1', [key])
    const row = res.rows[0]
    return row ? { bytes: toBuffer(row.bytes), contentType: row.content_type } : null
  }

  async delete(key: string): Promise<void> {
    await this.q.query('DELETE FROM blobs WHERE key = $1', [key])
  }

  /** The function serves database blobs itself, at links it signs (cloud/ledger/receipts.ts). */
  async url(): Promise<string | null> {
    return null
  }
}
