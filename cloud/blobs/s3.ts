/**
 * Blobs in an S3-compatible bucket (Tencent COS, Alibaba OSS, AWS S3, MinIO, ...) through the AWS SDK v3 S3 client,
 * loaded on first use. Objects are private; a photo is fetched with a presigned GET URL (SigV4 query signature).
 */
import type { Config } from '../config'
import type { Blob, BlobStore } from './store'

type Sdk = typeof import('./s3-sdk')

export interface S3Settings {
  bucket: string
  region: string
  endpoint?: string
  forcePathStyle: boolean
  accessKeyId: string
  secretAccessKey: string
}

/** The bucket's settings from the configuration, or null when no bucket is configured (blobs stay in the database). */
export function s3Settings(config: Config): S3Settings | null {
  if (!config.RECEIPTS_S3_BUCKET || !config.RECEIPTS_S3_ACCESS_KEY_ID || !config.RECEIPTS_S3_SECRET_ACCESS_KEY) return null
  return {
    bucket: config.RECEIPTS_S3_BUCKET,
    region: config.RECEIPTS_S3_REGION ?? 'us-east-1',
    endpoint: config.RECEIPTS_S3_ENDPOINT,
    forcePathStyle: config.RECEIPTS_S3_FORCE_PATH_STYLE,
    accessKeyId: config.RECEIPTS_S3_ACCESS_KEY_ID,
    secretAccessKey: config.RECEIPTS_S3_SECRET_ACCESS_KEY
  }
}

/** "Not found" as the SDK reports it for a GetObject of a missing key. */
function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

export class S3BlobStore implements BlobStore {
  private loaded?: { sdk: Sdk; client: InstanceType<Sdk['S3Client']> }

  constructor(readonly settings: S3Settings) {}

  private sdk(): { sdk: Sdk; client: InstanceType<Sdk['S3Client']> } {
    if (!this.loaded) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const sdk = require('./s3-sdk') as Sdk
      const s = this.settings
      const client = new sdk.S3Client({
        region: s.region,
        ...(s.endpoint ? { endpoint: s.endpoint } : {}),
        forcePathStyle: s.forcePathStyle,
        credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
        // COS, OSS and other S3-compatible stores do not all take the SDK's newer default checksums
        // (x-amz-checksum-* headers and trailers): send and check them only where S3 requires them
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3
      })
      this.loaded = { sdk, client }
    }
    return this.loaded
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { sdk, client } = this.sdk()
    await client.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }))
  }

  async get(key: string): Promise<Blob | null> {
    const { sdk, client } = this.sdk()
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }))
      if (!out.Body) return null
      return { bytes: Buffer.from(await out.Body.transformToByteArray()), contentType: out.ContentType ?? 'application/octet-stream' }
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = this.sdk()
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }))
  }

  /** A presigned GET URL, valid for `ttlSeconds`, that answers with a private cache lifetime no longer than that. */
  async url(key: string, ttlSeconds: number): Promise<string> {
    const { sdk, client } = this.sdk()
    const command = new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key, ResponseCacheControl: `private, max-age=${ttlSeconds}` })
    return sdk.getSignedUrl(client, command, { expiresIn: ttlSeconds })
  }
}
