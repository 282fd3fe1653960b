/**
 * Receipt photos in the database store (the default): addReceipt / removeReceipt, the receipts getExpense lists,
 * the signed links served at GET /receipts/<id>, and every refusal (members only, size, type, count) writing
 * nothing. Runs on PGlite (project cloud) and PostgreSQL (cloud-postgres).
 */
import { RECEIPT_MAX_BYTES, RECEIPT_THUMB_MAX_BYTES } from '../../src/api/sizes'
import { cid, equalExpense, startHarness, type Harness } from './harness'
import { dataUrl, JPEG, jpegOf, PNG, WEBP } from './support/receipt-images'

let now = new Date('2026-11-20T10:00:00Z')
let h: Harness
let ann: { token: string; user: { id: string } }
let bob: { token: string; user: { id: string } }
let eve: { token: string; user: { id: string } }
let groupId: string
let annM: string
let bobM: string

beforeAll(async () => {
  h = await startHarness({ clock: () => now })
  ann = await h.signIn('Ann')
  bob = await h.signIn('Bob')
  eve = await h.signIn('Eve')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip' }, ann.token)
  groupId = g.group.id
  annM = g.group.me
  const { token } = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
  bobM = (await h.api.ok('joinGroup', { clientId: cid(), token }, bob.token)).group.me
})
afterAll(async () => {
  await h?.close()
})

/** A new expense of Ann's in `group` (paid and owed by Ann alone: the group stays settled). */
async function newExpense(group = groupId, me = annM, token = ann.token): Promise<string> {
  const id = `e_${cid()}`
  await h.api.ok('addExpense', { groupId: group, clientId: cid(), expense: equalExpense(id, 1000, me, [me]), description: 'Dinner' }, token)
  return id
}

const add = (expenseId: string, image: string, thumb: string, token = ann.token, clientId = cid(), group = groupId) =>
  h.api.call('addReceipt', { clientId, groupId: group, expenseId, image, thumb }, token)

async function get(url: string) {
  const res = await fetch(url)
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), bytes: Buffer.from(await res.arrayBuffer()) }
}

const codeOf = (r: { status: number; body: { ok: boolean; error?: { code: string } } }) => [r.status, r.body.ok ? 'ok' : r.body.error!.code]

test('three photos go on an expense, a fourth is refused with RECEIPT_LIMIT and writes nothing', async () => {
  const expenseId = await newExpense()
  const images = [jpegOf(5000, 1), PNG, WEBP]
  const thumbs = [JPEG, PNG, WEBP]
  const types = ['image/jpeg', 'image/png', 'image/webp']
  const ids: string[] = []
  for (let i = 0; i < 3; i++) {
    now = new Date(now.getTime() + 1000)
    const r = await add(expenseId, dataUrl(types[i]!, images[i]!), dataUrl(types[i]!, thumbs[i]!), i === 1 ? bob.token : ann.token)
    expect(codeOf(r)).toEqual([200, 'ok'])
    const receipt = r.body.ok ? r.body.data.receipt : null
    expect(receipt).toMatchObject({ expenseId, contentType: types[i], bytes: images[i]!.length, createdBy: i === 1 ? bobM : annM, createdAt: now.toISOString() })
    ids.push(receipt!.id)
  }
  const before = await h.snapshot()
  const fourth = await add(expenseId, dataUrl('image/jpeg', JPEG), dataUrl('image/jpeg', JPEG))
  expect(codeOf(fourth)).toEqual([409, 'RECEIPT_LIMIT'])
  expect(!fourth.body.ok && fourth.body.error.details).toEqual({ max: 3 })
  expect(await h.snapshot()).toEqual(before)

  // getExpense lists them oldest first, and its history has each addition (newest first)
  const seen = await h.api.ok('getExpense', { groupId, expenseId }, bob.token)
  expect(seen.receipts.map((r) => r.id)).toEqual(ids)
  expect(seen.history.filter((a) => a.kind === 'receipt.add').map((a) => a.data.receiptId)).toEqual([...ids].reverse())
  expect(seen.history.map((a) => a.kind)).toContain('expense.add')
  // another expense has room for its own three
  expect(codeOf(await add(await newExpense(), dataUrl('image/png', PNG), dataUrl('image/png', PNG)))).toEqual([200, 'ok'])
})

test('the links serve exactly the bytes with their type, privately, for at most ten minutes', async () => {
  const expenseId = await newExpense()
  const image = jpegOf(200_000, 7)
  const r = await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', image), thumb: dataUrl('image/png', PNG) }, ann.token)
  const exp = Math.floor(now.getTime() / 1000) + 600
  expect(r.receipt.url).toMatch(new RegExp(`^${h.url}/receipts/${r.receipt.id}\\?v=image&exp=${exp}&sig=[A-Za-z0-9_-]{43}$`))
  expect(r.receipt.thumbUrl).toMatch(new RegExp(`^${h.url}/receipts/${r.receipt.id}\\?v=thumb&exp=${exp}&sig=[A-Za-z0-9_-]{43}$`))
  const full = await get(r.receipt.url)
  expect(full).toMatchObject({ status: 200, type: 'image/jpeg', cache: 'private, max-age=600' })
  expect(full.bytes.equals(image)).toBe(true)
  const thumb = await get(r.receipt.thumbUrl)
  expect(thumb).toMatchObject({ status: 200, type: 'image/png' })
  expect(thumb.bytes.equals(PNG)).toBe(true)
  // getExpense signs new links (from its own time), which serve the same bytes
  now = new Date(now.getTime() + 120_000)
  const again = (await h.api.ok('getExpense', { groupId, expenseId }, bob.token)).receipts[0]!
  expect(again.url).toContain(`exp=${exp + 120}`)
  const later = await get(again.url)
  expect(later.cache).toBe('private, max-age=600')
  expect(later.bytes.equals(image)).toBe(true)
  // the first link has less time left, and says so
  expect((await get(r.receipt.url)).cache).toBe('private, max-age=480')
  // other methods are refused
  expect((await h.raw('', {}, new URL(r.receipt.url).pathname + new URL(r.receipt.url).search, 'POST')).status).toBe(405)
})

test('an expired link and a tampered one are refused with 403 and a code', async () => {
  const expenseId = await newExpense()
  const a = (await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', JPEG), thumb: dataUrl('image/jpeg', JPEG) }, ann.token)).receipt
  const b = (await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/png', PNG), thumb: dataUrl('image/png', PNG) }, ann.token)).receipt
  const url = new URL(a.url)
  const sig = url.searchParams.get('sig')!
  const variant = (mutate: (u: URL) => void) => {
    const u = new URL(a.url)
    mutate(u)
    return u.toString()
  }
  const tampered = [
    variant((u) => u.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1))),
    variant((u) => u.searchParams.set('sig', sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'))),
    variant((u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 3600))),
    variant((u) => u.searchParams.set('v', 'thumb')),
    variant((u) => (u.pathname = `/receipts/${b.id}`)),
    variant((u) => u.searchParams.delete('sig')),
    variant((u) => u.searchParams.set('v', 'other')),
    variant((u) => (u.pathname = '/receipts/..%2Fetc'))
  ]
  for (const link of tampered) {
    const res = await fetch(link)
    expect([link, res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([link, 403, 'RECEIPT_URL_INVALID'])
  }
  expect((await get(a.url)).status).toBe(200)
  const t0 = now
  now = new Date(t0.getTime() + 600_000)
  try {
    const res = await fetch(a.url)
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RECEIPT_URL_EXPIRED')
  } finally {
    now = t0
  }
})

test('only members: a non-member cannot add, remove or see receipts, nor a member use them across groups', async () => {
  const expenseId = await newExpense()
  const receipt = (await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', JPEG), thumb: dataUrl('image/jpeg', JPEG) }, ann.token)).receipt
  // Eve has a group of her own
  const other = await h.api.ok('createGroup', { clientId: cid(), name: 'Eve only' }, eve.token)
  const eveExpense = await newExpense(other.group.id, other.group.me, eve.token)
  const before = await h.snapshot()
  const jpeg = dataUrl('image/jpeg', JPEG)
  const refusals = [
    await h.api.call('addReceipt', { clientId: cid(), groupId, expenseId, image: jpeg, thumb: jpeg }, eve.token),
    await h.api.call('removeReceipt', { clientId: cid(), groupId, receiptId: receipt.id }, eve.token),
    await h.api.call('getExpense', { groupId, expenseId }, eve.token)
  ]
  for (const r of refusals) expect(codeOf(r)).toEqual([403, 'NOT_MEMBER'])
  // in her own group, Ann's expense and receipt do not exist
  expect(codeOf(await h.api.call('removeReceipt', { clientId: cid(), groupId: other.group.id, receiptId: receipt.id }, eve.token))).toEqual([404, 'NOT_FOUND'])
  expect(codeOf(await h.api.call('addReceipt', { clientId: cid(), groupId: other.group.id, expenseId, image: jpeg, thumb: jpeg }, eve.token))).toEqual([404, 'NOT_FOUND'])
  // nor can Ann put a receipt on Eve's expense through her own group
  expect(codeOf(await h.api.call('addReceipt', { clientId: cid(), groupId, expenseId: eveExpense, image: jpeg, thumb: jpeg }, ann.token))).toEqual([404, 'NOT_FOUND'])
  expect(await h.snapshot()).toEqual(before)
  // the receipt is still there for the members
  expect((await h.api.ok('getExpense', { groupId, expenseId }, bob.token)).receipts.map((r) => r.id)).toEqual([receipt.id])
})

test('too large images are refused with RECEIPT_TOO_LARGE (413) and write nothing', async () => {
  const expenseId = await newExpense()
  const before = await h.snapshot()
  const big = await add(expenseId, dataUrl('image/jpeg', jpegOf(RECEIPT_MAX_BYTES + 1)), dataUrl('image/jpeg', JPEG))
  expect(codeOf(big)).toEqual([413, 'RECEIPT_TOO_LARGE'])
  expect(!big.body.ok && big.body.error.details).toEqual({ field: 'image', bytes: RECEIPT_MAX_BYTES + 1, max: RECEIPT_MAX_BYTES })
  const bigThumb = await add(expenseId, dataUrl('image/jpeg', JPEG), dataUrl('image/jpeg', jpegOf(RECEIPT_THUMB_MAX_BYTES + 1)))
  expect(codeOf(bigThumb)).toEqual([413, 'RECEIPT_TOO_LARGE'])
  expect(!bigThumb.body.ok && bigThumb.body.error.details).toMatchObject({ field: 'thumb', max: RECEIPT_THUMB_MAX_BYTES })
  // a request larger than the receipt request limit (2 MiB) is not even read
  const huge = await add(expenseId, dataUrl('image/jpeg', jpegOf(1_700_000)), dataUrl('image/jpeg', JPEG))
  expect(codeOf(huge)).toEqual([413, 'PAYLOAD_TOO_LARGE'])
  // and that allowance is the receipt's alone: another action's body over the 1 MiB limit is still a 413
  const expense = await h.api.call('addExpense', { groupId, clientId: cid(), expense: equalExpense(`e_${cid()}`, 100, annM, [annM]), description: 'x', note: 'y'.repeat(1_200_000) }, ann.token)
  expect(codeOf(expense)).toEqual([413, 'PAYLOAD_TOO_LARGE'])
  expect(await h.snapshot()).toEqual(before)
  // exactly at the limit is fine
  expect(codeOf(await add(expenseId, dataUrl('image/jpeg', jpegOf(RECEIPT_MAX_BYTES)), dataUrl('image/jpeg', jpegOf(RECEIPT_THUMB_MAX_BYTES))))).toEqual([200, 'ok'])
})

test('anything but a JPEG, PNG or WebP that is what it says is refused with RECEIPT_TYPE (415) and writes nothing', async () => {
  const expenseId = await newExpense()
  const before = await h.snapshot()
  const text = Buffer.from('Total: 42.00\nThank you for shopping\n')
  const cases: Array<[string, string, string, unknown]> = [
    ['a text file renamed as a JPEG', dataUrl('image/jpeg', text), dataUrl('image/jpeg', JPEG), { field: 'image', declared: 'image/jpeg', detected: null }],
    ['a PNG declared as a JPEG', dataUrl('image/jpeg', PNG), dataUrl('image/jpeg', JPEG), { field: 'image', declared: 'image/jpeg', detected: 'image/png' }],
    ['a JPEG thumbnail declared as WebP', dataUrl('image/jpeg', JPEG), dataUrl('image/webp', JPEG), { field: 'thumb', declared: 'image/webp', detected: 'image/jpeg' }],
    ['a text file as text', dataUrl('text/plain', text), dataUrl('image/jpeg', JPEG), { field: 'image', declared: 'text/plain', detected: null }],
    ['an SVG', dataUrl('image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), dataUrl('image/jpeg', JPEG), { field: 'image', declared: 'image/svg+xml', detected: null }],
    ['a GIF', dataUrl('image/gif', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')), dataUrl('image/jpeg', JPEG), { field: 'image', declared: 'image/gif', detected: null }],
    ['nothing at all', 'data:image/jpeg;base64,', dataUrl('image/jpeg', JPEG), { field: 'image', declared: 'image/jpeg', detected: null }]
  ]
  for (const [label, image, thumb, details] of cases) {
    const r = await add(expenseId, image, thumb)
    expect([label, ...codeOf(r)]).toEqual([label, 415, 'RECEIPT_TYPE'])
    expect([label, !r.body.ok && r.body.error.details]).toEqual([label, details])
  }
  // not a data URL at all: a bad input
  for (const image of ['https://example.com/receipt.jpg', 'data:image/jpeg;base64,not base64!', 42]) {
    expect(codeOf(await h.api.call('addReceipt', { clientId: cid(), groupId, expenseId, image, thumb: dataUrl('image/jpeg', JPEG) }, ann.token))).toEqual([400, 'INVALID_INPUT'])
  }
  expect(await h.snapshot()).toEqual(before)
})

test('removing a receipt deletes its bytes: its links stop serving, the history says who removed it', async () => {
  const expenseId = await newExpense()
  const image = jpegOf(3000, 9)
  const kept = (await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/png', PNG), thumb: dataUrl('image/png', PNG) }, ann.token)).receipt
  const r = (await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', image), thumb: dataUrl('image/jpeg', JPEG) }, ann.token)).receipt
  expect((await get(r.url)).status).toBe(200)
  const blobs = async () => Number((await h.app.db.query<{ n: unknown }>('SELECT count(*) AS n FROM blobs WHERE key LIKE $1', [`%/${r.id}.%`])).rows[0]!.n)
  expect(await blobs()).toBe(2)

  const removed = await h.api.ok('removeReceipt', { clientId: cid(), groupId, receiptId: r.id }, bob.token)
  expect(removed.receiptId).toBe(r.id)
  expect(await blobs()).toBe(0)
  for (const url of [r.url, r.thumbUrl]) {
    const res = await fetch(url)
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
  }
  expect((await get(kept.url)).status).toBe(200)
  const seen = await h.api.ok('getExpense', { groupId, expenseId }, ann.token)
  expect(seen.receipts.map((x) => x.id)).toEqual([kept.id])
  expect(seen.history[0]).toMatchObject({ kind: 'receipt.remove', actor: { memberId: bobM }, data: { expenseId, receiptId: r.id }, version: removed.version })
  // gone: removing it again is NOT_FOUND
  expect(codeOf(await h.api.call('removeReceipt', { clientId: cid(), groupId, receiptId: r.id }, ann.token))).toEqual([404, 'NOT_FOUND'])
})

test('a retry with the same clientId gets the same receipt and writes nothing; the same id for another photo is refused', async () => {
  const expenseId = await newExpense()
  const clientId = cid()
  const image = dataUrl('image/jpeg', jpegOf(4000, 3))
  const first = await add(expenseId, image, dataUrl('image/jpeg', JPEG), ann.token, clientId)
  expect(codeOf(first)).toEqual([200, 'ok'])
  const before = await h.snapshot()
  const retry = await add(expenseId, image, dataUrl('image/jpeg', JPEG), ann.token, clientId)
  expect(retry.body).toEqual(first.body)
  expect(await h.snapshot()).toEqual(before)
  const other = await add(expenseId, dataUrl('image/png', PNG), dataUrl('image/jpeg', JPEG), ann.token, clientId)
  expect(codeOf(other)).toEqual([409, 'CLIENT_ID_REUSED'])
  expect((await h.api.ok('getExpense', { groupId, expenseId }, ann.token)).receipts).toHaveLength(1)
})

test('a deleted expense, an archived group and a deleted group take no photo; a deleted group serves none', async () => {
  const jpeg = dataUrl('image/jpeg', JPEG)
  const gone = await newExpense()
  await h.api.ok('deleteExpense', { groupId, clientId: cid(), expenseId: gone }, ann.token)
  expect(codeOf(await add(gone, jpeg, jpeg))).toEqual([409, 'EXPENSE_DELETED'])
  expect(codeOf(await add('e_nosuchexpense', jpeg, jpeg))).toEqual([404, 'NOT_FOUND'])

  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Short' }, ann.token)
  const expenseId = await newExpense(g.group.id, g.group.me)
  const r = (await h.api.ok('addReceipt', { clientId: cid(), groupId: g.group.id, expenseId, image: jpeg, thumb: jpeg }, ann.token)).receipt
  await h.api.ok('archiveGroup', { groupId: g.group.id, clientId: cid(), archived: true }, ann.token)
  expect(codeOf(await add(expenseId, jpeg, jpeg, ann.token, cid(), g.group.id))).toEqual([409, 'GROUP_ARCHIVED'])
  expect(codeOf(await h.api.call('removeReceipt', { clientId: cid(), groupId: g.group.id, receiptId: r.id }, ann.token))).toEqual([409, 'GROUP_ARCHIVED'])
  // read-only, but readable
  expect((await h.api.ok('getExpense', { groupId: g.group.id, expenseId }, ann.token)).receipts).toHaveLength(1)
  expect((await get(r.url)).status).toBe(200)
  await h.api.ok('deleteGroup', { groupId: g.group.id, clientId: cid() }, ann.token)
  expect((await get(r.url)).status).toBe(404)
})

test('without a thumbnail the image is its own: one blob, both links serve it, removal deletes it', async () => {
  const expenseId = await newExpense()
  const image = jpegOf(2500, 4)
  const { receipt } = await h.api.ok('addReceipt', { clientId: cid(), groupId, expenseId, image: dataUrl('image/jpeg', image) }, ann.token)
  const blobs = async () => Number((await h.app.db.query<{ n: unknown }>('SELECT count(*) AS n FROM blobs WHERE key LIKE $1', [`%/${receipt.id}.%`])).rows[0]!.n)
  expect(await blobs()).toBe(1)
  for (const url of [receipt.url, receipt.thumbUrl]) {
    const served = await get(url)
    expect(served).toMatchObject({ status: 200, type: 'image/jpeg' })
    expect(served.bytes.equals(image)).toBe(true)
  }
  await h.api.ok('removeReceipt', { clientId: cid(), groupId, receiptId: receipt.id }, ann.token)
  expect(await blobs()).toBe(0)
  expect((await get(receipt.thumbUrl)).status).toBe(404)
})
