/**
 * Receipt photos in an S3-compatible bucket (RECEIPTS_S3_*): the same add / fetch / remove path as the database
 * store, against a local S3-compatible server (s3rver, on a free port, in a temporary directory) started here. The
 * objects are checked in the bucket itself with the S3 client; the links are presigned GET URLs of the bucket.
 */
import { createHash, createHmac } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { cid, equalExpense, startHarness, type Harness } from './harness'
import { dataUrl, JPEG, jpegOf, PNG } from './support/receipt-images'

const BUCKET = 'splitpay-receipts'
// s3rver's own fixed credentials
const KEY_ID = 'S3RVER'
const SECRET = 'S3RVER'

let dir: string
let s3rver: S3rver
let endpoint: string
let client: S3Client
let h: Harness
let ann: { token: string }
let eve: { token: string }
let groupId: string
let me: string

function s3Env(bucket = BUCKET) {
  return {
    RECEIPTS_S3_BUCKET: bucket,
    RECEIPTS_S3_ENDPOINT: endpoint,
    RECEIPTS_S3_REGION: 'ap-guangzhou',
    RECEIPTS_S3_ACCESS_KEY_ID: KEY_ID,
    RECEIPTS_S3_SECRET_ACCESS_KEY: SECRET,
    RECEIPTS_S3_FORCE_PATH_STYLE: 'true'
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-s3-'))
  s3rver = new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] })
  const { port } = await s3rver.run()
  endpoint = `http://127.0.0.1:${port}`
  client = new S3Client({ region: 'ap-guangzhou', endpoint, forcePathStyle: true, credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } })
  h = await startHarness({ env: s3Env() })
  ann = await h.signIn('Ann')
  eve = await h.signIn('Eve')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Bucket trip' }, ann.token)
  groupId = g.group.id
  me = g.group.me
})
afterAll(async () => {
  await h?.close()
  client?.destroy()
  await s3rver?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

async function objects(prefix = 'receipts/'): Promise<string[]> {
  const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))
  return (out.Contents ?? []).map((o) => o.Key!).sort()
}

async function object(key: string): Promise<{ bytes: Buffer; type: string | undefined }> {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return { bytes: Buffer.from(await out.Body!.transformToByteArray()), type: out.ContentType }
}

async function newExpense(): Promise<string> {
  const id = `e_${cid()}`
  await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense(id, 1000, me, [me]), description: 'Dinner' }, ann.token)
  return id
}

/** RFC 3986 encoding, as SigV4 wants it. */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** Whether a presigned GET URL (SigV4 in the query, host as its one signed header) is signed with `secret`. */
function presignedBy(link: string, secret: string): boolean {
  const u = new URL(link)
  const q = u.searchParams
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || q.get('X-Amz-SignedHeaders') !== 'host') return false
  const [, date, region, service] = q.get('X-Amz-Credential')!.split('/')
  const query = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [enc(k), enc(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const request = ['GET', u.pathname, query, `host:${u.host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n')
  const scope = `${date}/${region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', q.get('X-Amz-Date'), scope, createHash('sha256').update(request).digest('hex')].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), 'aws4_request')
  return hmac(key, toSign).toString('hex') === q.get('X-Amz-Signature')
}

const codeOf = (r: { status: number; body: { ok: boolean; error?: { code: string } } }) => [r.status, r.body.ok ? 'ok' : r.body.error!.code]

test('a photo goes into the bucket, its presigned links serve it, and removing it deletes the objects', async () => {
  const expenseId = await newExpense()
  const image = jpegOf(150_000, 5)
  const { receipt } = await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', image), thumb: dataUrl('image/png', PNG) }, ann.token)
  expect(receipt).toMatchObject({ expenseId, contentType: 'image/jpeg', bytes: image.length, createdBy: me })

  // the objects are in the bucket, exactly, with their types; nothing went into the database's blobs
  const keys = [`receipts/${groupId}/${receipt.id}.jpg`, `receipts/${groupId}/${receipt.id}.thumb.png`]
  expect(await objects(`receipts/${groupId}/`)).toEqual([...keys].sort())
  const stored = await object(keys[0]!)
  expect(stored.type).toBe('image/jpeg')
  expect(stored.bytes.equals(image)).toBe(true)
  expect((await object(keys[1]!)).bytes.equals(PNG)).toBe(true)
  expect(Number((await h.app.db.query<{ n: unknown }>('SELECT count(*) AS n FROM blobs')).rows[0]!.n)).toBe(0)
  expect((await h.app.db.query<{ store: string }>('SELECT store FROM receipts WHERE id = $1', [receipt.id])).rows[0]!.store).toBe('s3')

  // the links are the bucket's own, presigned for ten minutes, and serve the bytes
  for (const url of [receipt.url, receipt.thumbUrl]) {
    expect(url.startsWith(`${endpoint}/${BUCKET}/receipts/${groupId}/${receipt.id}.`)).toBe(true)
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('600')
    expect(new URL(url).searchParams.get('X-Amz-Credential')).toMatch(new RegExp(`^${KEY_ID}/\\d{8}/ap-guangzhou/s3/aws4_request$`))
  }
  const res = await fetch(receipt.url)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await res.arrayBuffer()).equals(image)).toBe(true)
  const thumb = await fetch(receipt.thumbUrl)
  expect(Buffer.from(await thumb.arrayBuffer()).equals(PNG)).toBe(true)
  expect(res.headers.get('cache-control')).toBe('private, max-age=600')
  // s3rver does not check SigV4 signatures (a bucket does): the links' signatures are checked here instead
  for (const url of [receipt.url, receipt.thumbUrl]) expect(presignedBy(url, SECRET)).toBe(true)
  expect(presignedBy(receipt.url, 'another-secret')).toBe(false)

  // getExpense lists it with new links that serve the same bytes
  const seen = await h.api.ok('getExpense', { groupId, expenseId }, ann.token)
  expect(seen.receipts.map((r) => r.id)).toEqual([receipt.id])
  expect(Buffer.from(await (await fetch(seen.receipts[0]!.url)).arrayBuffer()).equals(image)).toBe(true)

  // removed: the objects are gone from the bucket, the links no longer serve, the row is purged
  await h.api.ok('removeReceipt', { clientId: cid(), groupId, receiptId: receipt.id }, ann.token)
  expect(await objects(`receipts/${groupId}/${receipt.id}`)).toEqual([])
  expect((await fetch(receipt.url)).status).toBe(404)
  const row = (await h.app.db.query<{ deleted_at: unknown; purged_at: unknown }>('SELECT deleted_at, purged_at FROM receipts WHERE id = $1', [receipt.id])).rows[0]!
  expect(row.deleted_at).not.toBeNull()
  expect(row.purged_at).not.toBeNull()
  expect((await h.api.ok('getExpense', { groupId, expenseId }, ann.token)).receipts).toEqual([])
})

test('refusals upload nothing: a non-member, a wrong type, a fourth photo', async () => {
  const expenseId = await newExpense()
  const jpeg = dataUrl('image/jpeg', JPEG)
  for (let i = 0; i < 3; i++) await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: jpeg, thumb: jpeg }, ann.token)
  const inBucket = await objects()
  expect(inBucket.length).toBeGreaterThanOrEqual(6)
  const before = await h.snapshot()
  expect(codeOf(await h.api.call('addReceipt', { clientId: cid(), groupId, expenseId, image: jpeg, thumb: jpeg }, eve.token))).toEqual([403, 'NOT_MEMBER'])
  expect(codeOf(await h.api.call('addReceipt', { clientId: cid(), groupId, expenseId, image: jpeg, thumb: jpeg }, ann.token))).toEqual([409, 'RECEIPT_LIMIT'])
  const other = await newExpense()
  const afterExpense = await h.snapshot()
  expect(codeOf(await h.api.call('addReceipt', { clientId: cid(), groupId, expenseId: other, image: dataUrl('image/jpeg', PNG), thumb: jpeg }, ann.token))).toEqual([415, 'RECEIPT_TYPE'])
  expect(await h.snapshot()).toEqual(afterExpense)
  expect(before.receipts).toBe(afterExpense.receipts)
  expect(await objects()).toEqual(inBucket)
})

test('a retry with the same clientId answers the same receipt and uploads nothing more', async () => {
  const expenseId = await newExpense()
  const input = { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', jpegOf(2000, 8)), thumb: dataUrl('image/jpeg', JPEG) }
  const first = await h.api.call('addReceipt', input, ann.token)
  expect(codeOf(first)).toEqual([200, 'ok'])
  const inBucket = await objects()
  const retry = await h.api.call('addReceipt', input, ann.token)
  expect(retry.body).toEqual(first.body)
  expect(await objects()).toEqual(inBucket)
  expect((await h.api.ok('getExpense', { groupId, expenseId }, ann.token)).receipts).toHaveLength(1)
})

test('a bucket that cannot take the photo is a fault on our side (500) that writes nothing', async () => {
  const broken = await startHarness({ env: s3Env('no-such-bucket') })
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
  const warned = jest.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    const a = await broken.signIn('Ann')
    const g = await broken.api.ok('createGroup', { clientId: cid(), name: 'Broken' }, a.token)
    const expenseId = `e_${cid()}`
    await broken.api.ok('addExpense', { groupId: g.group.id, clientId: cid(), expense: equalExpense(expenseId, 100, g.group.me, [g.group.me]), description: 'x' }, a.token)
    const before = await broken.snapshot()
    const r = await broken.api.call('addReceipt', { clientId: cid(), groupId: g.group.id, expenseId, image: dataUrl('image/jpeg', JPEG), thumb: dataUrl('image/jpeg', JPEG) }, a.token)
    expect(codeOf(r)).toEqual([500, 'INTERNAL'])
    expect(JSON.stringify(r.body)).not.toContain('no-such-bucket')
    // the cause is in the log, with the request id the reply carries
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`internal error (request ${!r.body.ok && (r.body.error as { requestId?: string }).requestId})`), expect.objectContaining({ Code: 'NoSuchBucket' }))
    expect(await broken.snapshot()).toEqual(before)
  } finally {
    logged.mockRestore()
    warned.mockRestore()
    await broken.close()
  }
})
