/**
 * Avatars: a person sets one with setWallet (an image data URL, at most ~64 KB), the function serves it at
 * GET /avatars/<key> (a random key, new with every image, cached for good) and shows the path on the person and on
 * their member in every group; removing it makes the old URL a 404. Bad images are refused with a stable code and
 * write nothing.
 */
import { cid, startHarness, type Harness } from './harness'

// a 1x1 PNG and a 1x1 JPEG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z', 'base64')
const dataUrl = (type: string, bytes: Buffer) => `data:image/${type};base64,${bytes.toString('base64')}`

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

async function get(path: string) {
  const res = await fetch(`${h.url}${path}`)
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), nosniff: res.headers.get('x-content-type-options'), bytes: Buffer.from(await res.arrayBuffer()) }
}

test('an avatar is served under its own URL and shown on the person and their member in each group', async () => {
  const ann = await h.signIn('Ann')
  const bob = await h.signIn('Bob')
  expect(ann.user.avatar).toBeNull()
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip' }, ann.token)
  const inv = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, ann.token)
  await h.api.ok('joinGroup', { clientId: cid(), token: inv.token }, bob.token)

  const set = await h.api.ok('setWallet', { clientId: cid(), avatar: dataUrl('png', PNG) }, ann.token)
  expect(set.user.avatar).toMatch(/^\/avatars\/[0-9a-f]{32}$/)
  const served = await get(set.user.avatar!)
  expect(served).toMatchObject({ status: 200, type: 'image/png', cache: 'public, max-age=31536000, immutable', nosniff: 'nosniff' })
  expect(served.bytes.equals(PNG)).toBe(true)

  // Bob sees Ann's avatar on her member; his own is null
  const seen = await h.api.ok('getGroup', { groupId: group.id }, bob.token)
  const annMember = seen.group.members.find((m) => m.userId === ann.user.id)!
  const bobMember = seen.group.members.find((m) => m.userId === bob.user.id)!
  expect(annMember.avatar).toBe(set.user.avatar)
  expect(bobMember.avatar).toBeNull()

  // a new image gets a new URL; the old one stops answering
  const next = await h.api.ok('setWallet', { clientId: cid(), avatar: dataUrl('jpeg', JPEG) }, ann.token)
  expect(next.user.avatar).not.toBe(set.user.avatar)
  expect((await get(set.user.avatar!)).status).toBe(404)
  expect(await get(next.user.avatar!)).toMatchObject({ status: 200, type: 'image/jpeg' })
  expect((await h.api.ok('getMe', {}, ann.token)).user.avatar).toBe(next.user.avatar)

  // removing it: null everywhere, the URL a 404
  const removed = await h.api.ok('setWallet', { clientId: cid(), avatar: null }, ann.token)
  expect(removed.user.avatar).toBeNull()
  expect((await get(next.user.avatar!)).status).toBe(404)
  const after = await h.api.ok('getGroup', { groupId: group.id }, bob.token)
  expect(after.group.members.find((m) => m.userId === ann.user.id)!.avatar).toBeNull()
})

test('bad images are refused with INVALID_INPUT and change nothing', async () => {
  const cat = await h.signIn('Cat')
  const good = await h.api.ok('setWallet', { clientId: cid(), avatar: dataUrl('png', PNG) }, cat.token)
  const before = await h.snapshot()
  for (const avatar of [
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', // SVG could carry script
    'data:image/gif;base64,R0lGODlhAQABAAAAACw=', // not a type the avatar takes
    'https://example.com/a.png', // a URL, not an image
    `data:image/png;base64,${'A'.repeat(90_000)}`, // too large
    'data:image/png;base64,not base64!',
    42
  ]) {
    const reply = await h.call('setWallet', { clientId: cid(), avatar }, cat.token)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  }
  expect(await h.snapshot()).toEqual(before)
  expect((await get(good.user.avatar!)).status).toBe(200)
})

test('unknown keys and other methods answer without touching the database', async () => {
  for (const path of ['/avatars/', '/avatars/00000000000000000000000000000000', '/avatars/..%2F..%2Fetc', '/avatars/ABC']) {
    expect((await get(path)).status).toBe(404)
  }
  const post = await h.raw('{}', {}, '/avatars/00000000000000000000000000000000', 'POST')
  expect(post.status).toBe(405)
})
