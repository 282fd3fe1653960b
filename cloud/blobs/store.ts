/**
 * Where binary files (receipt photos) are kept: a small interface over two stores, chosen by the configuration.
 *   - the database (default): a `blobs` table (bytea); its writes take part in the request's transaction, and the
 *     function serves the bytes itself (GET /receipts/<id> with a signed link, cloud/blobs/route.ts);
 *   - an S3-compatible object store (Tencent COS, Alibaba OSS, AWS S3, ...) when RECEIPTS_S3_BUCKET is set: objects
 *     are written outside any transaction, and a photo is fetched straight from the bucket with a presigned URL.
 * See docs/cloud.md "Receipts".
 */
import type { Config } from '../config'
import type { Queryable } from '../store/db'
import { DbBlobStore } from './db'
import { S3BlobStore, s3Settings } from './s3'

export interface Blob {
  bytes: Buffer
  contentType: string
}

export interface BlobStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** The blob, or null when there is none under `key`. */
  get(key: string): Promise<Blob | null>
  /** Deletes the blob (nothing when there is none). */
  delete(key: string): Promise<void>
  /**
   * A URL that serves the blob without a session for `ttlSeconds`, or null when the store has none to give (the
   * database: the function serves it at a link it signs itself).
   */
  url(key: string, ttlSeconds: number): Promise<string | null>
}

export type BlobStoreKind = 'db' | 's3'

export interface Blobs {
  /** Which store new blobs go to. */
  readonly kind: BlobStoreKind
  /**
   * The store of `kind`, for the transaction `q`: the database store reads and writes in it (so a blob is written or
   * deleted with the rows that name it, or not at all); an object store ignores it. Null when `kind` is 's3' and
   * no bucket is configured (a blob written before the configuration changed).
   */
  open(q: Queryable, kind?: BlobStoreKind): BlobStore | null
}

export function createBlobs(config: Config): Blobs {
  const settings = s3Settings(config)
  const s3 = settings ? new S3BlobStore(settings) : null
  return {
    kind: s3 ? 's3' : 'db',
    open(q, kind = s3 ? 's3' : 'db') {
      return kind === 'db' ? new DbBlobStore(q) : s3
    }
  }
}
