/**
 * One invite link per group: createInvite gives the group's open invite again (to any member, on every visit of the
 * invite page) without a new version or activity entry, and a new one only after it is revoked. Only the token's
 * hash is stored; a stored invite whose token cannot be derived again (an older random token) is left alone.
 */
import { cid, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function groupOfTwo() {
  const owner = await h.signIn(`Ann ${cid()}`)
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip' }, owner.token)
  return { owner, groupId: group.id }
}

test('the same invite on every call, for every member, with no new version', async () => {
  const { owner, groupId } = await groupOfTwo()
  const first = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/)
  const again = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  expect(again).toEqual(first)

  const bob = await h.signIn(`Bob ${cid()}`)
  await h.api.ok('joinGroup', { clientId: cid(), token: first.token }, bob.token)
  const version = (await h.api.ok('getGroup', { groupId }, bob.token)).group.version
  const bobs = await h.api.ok('createInvite', { groupId, clientId: cid() }, bob.token)
  expect(bobs).toMatchObject({ inviteId: first.inviteId, token: first.token, version })
  expect((await h.api.ok('getGroup', { groupId }, bob.token)).group.version).toBe(version)

  const created = (await h.api.ok('listActivity', { groupId }, owner.token)).items.filter((a) => a.kind === 'invite.create')
  expect(created).toHaveLength(1)
  const stored = await h.app.db.query<{ token_hash: string }>('SELECT token_hash FROM invites WHERE group_id = $1', [groupId])
  expect(stored.rows).toHaveLength(1)
  expect(stored.rows[0]!.token_hash).not.toContain(first.token)
})

test('after a revoke the next call makes a new invite, and the old link stays dead', async () => {
  const { owner, groupId } = await groupOfTwo()
  const first = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  await h.api.ok('revokeInvite', { groupId, clientId: cid(), inviteId: first.inviteId }, owner.token)
  const second = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  expect(second.inviteId).not.toBe(first.inviteId)
  expect(second.token).not.toBe(first.token)
  const eve = await h.signIn(`Eve ${cid()}`)
  const dead = await h.api.call('joinGroup', { clientId: cid(), token: first.token }, eve.token)
  expect(dead.body.ok === false && dead.body.error.code).toBe('INVITE_REVOKED')
  await h.api.ok('joinGroup', { clientId: cid(), token: second.token }, eve.token)
})

test('an open invite whose token cannot be derived again is not given out; a derivable one is made', async () => {
  const { owner, groupId } = await groupOfTwo()
  const me = (await h.api.ok('getGroup', { groupId }, owner.token)).group.me
  await h.app.db.query("INSERT INTO invites (id, group_id, token_hash, created_by, created_at) VALUES ('i_legacy', $1, $2, $3, now())", [groupId, 'f'.repeat(64), me])
  const out = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)
  expect(out.inviteId).not.toBe('i_legacy')
  expect(await h.api.ok('createInvite', { groupId, clientId: cid() }, owner.token)).toEqual(out)
})

test('invites of different groups are different', async () => {
  const a = await groupOfTwo()
  const b = await groupOfTwo()
  const ia = await h.api.ok('createInvite', { groupId: a.groupId, clientId: cid() }, a.owner.token)
  const ib = await h.api.ok('createInvite', { groupId: b.groupId, clientId: cid() }, b.owner.token)
  expect(ia.token).not.toBe(ib.token)
  expect((await h.api.ok('previewInvite', { token: ib.token }, a.owner.token)).invite.groupId).toBe(b.groupId)
})
