/**
 * Group settings: a new name, emoji or currency (the currency only while nothing is recorded in the old one), a new
 * name for a placeholder. Each is a versioned change with an activity entry saying what it was before and after;
 * each refusal is a 4xx with a stable code and leaves the database as it was; a retry with the same client id gets
 * the first answer.
 */
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function newGroup(placeholders: string[] = ['小红']) {
  const owner = await h.signIn(`小明 ${cid()}`)
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '周末露营', currency: 'CNY', emoji: '🏕️', placeholders }, owner.token)
  return { owner, group }
}

test('rename, new emoji and a new currency before the first expense: one version, one activity entry with before and after', async () => {
  const { owner, group } = await newGroup()
  const out = await h.api.ok('updateGroup', { groupId: group.id, clientId: cid(), expectedVersion: group.version, name: '周末徒步', emoji: '🥾', currency: 'JPY' }, owner.token)
  expect(out.group).toMatchObject({ name: '周末徒步', emoji: '🥾', currency: 'JPY', version: group.version + 1 })
  const again = (await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group
  expect(again).toMatchObject({ name: '周末徒步', emoji: '🥾', currency: 'JPY', version: group.version + 1 })
  const activity = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
  expect(activity[0]).toMatchObject({
    kind: 'group.update',
    version: group.version + 1,
    data: { before: { name: '周末露营', emoji: '🏕️', currency: 'CNY' }, after: { name: '周末徒步', emoji: '🥾', currency: 'JPY' } }
  })
  // the group list shows the new name
  const listed = (await h.api.ok('listGroups', {}, owner.token)).items.find((g) => g.id === group.id)
  expect(listed).toMatchObject({ name: '周末徒步', currency: 'JPY' })
})

test('only what changed is recorded; asking for what is already there changes nothing', async () => {
  const { owner, group } = await newGroup()
  const out = await h.api.ok('updateGroup', { groupId: group.id, clientId: cid(), name: '周末露营', emoji: '⛺' }, owner.token)
  expect(out.group.version).toBe(group.version + 1)
  const [entry] = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
  expect(entry.data).toEqual({ before: { emoji: '🏕️' }, after: { emoji: '⛺' } })
  const same = await h.api.ok('updateGroup', { groupId: group.id, clientId: cid(), emoji: '⛺' }, owner.token)
  expect(same.group.version).toBe(group.version + 1)
})

test('a retry with the same client id gets the first answer and changes nothing more', async () => {
  const { owner, group } = await newGroup()
  const clientId = cid()
  const first = await h.api.ok('updateGroup', { groupId: group.id, clientId, name: '新名字' }, owner.token)
  const second = await h.api.ok('updateGroup', { groupId: group.id, clientId, name: '新名字' }, owner.token)
  expect(second).toEqual(first)
  expect((await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group.version).toBe(group.version + 1)
})

test('any member may change the settings, and everyone sees it', async () => {
  const { owner, group } = await newGroup()
  const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
  const friend = await h.signIn(`阿明 ${cid()}`)
  await h.api.ok('joinGroup', { clientId: cid(), token }, friend.token)
  await h.api.ok('updateGroup', { groupId: group.id, clientId: cid(), name: '阿明改的名' }, friend.token)
  expect((await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group.name).toBe('阿明改的名')
})

describe('refused, with a stable code and nothing written', () => {
  test.each([
    ['an empty name', { name: '' }, 400, 'INVALID_INPUT'],
    ['a name of 60 characters', { name: '露'.repeat(60) }, 400, 'INVALID_INPUT'],
    ['an unknown currency', { currency: 'XYZ' }, 400, 'CURRENCY_UNKNOWN'],
    ['a stale version', { name: '新名字', expectedVersion: 0 }, 409, 'VERSION_CONFLICT']
  ])('%s', async (_label, change, status, code) => {
    const { owner, group } = await newGroup()
    await h.api.ok('addMember', { groupId: group.id, clientId: cid(), name: '小张' }, owner.token)
    const before = await h.snapshot()
    const r = await h.api.call('updateGroup', { groupId: group.id, clientId: cid(), ...change }, owner.token)
    expect([r.status, r.body.ok === false && r.body.error.code]).toEqual([status, code])
    expect(await h.snapshot()).toEqual(before)
  })

  test('a new currency once an expense or a payment is recorded: GROUP_HAS_EXPENSES', async () => {
    const { owner, group } = await newGroup()
    const pat = group.members.find((m) => m.name === '小红')!.id
    const expense = equalExpense(`e_${cid()}`, 1000, group.me, [group.me, pat])
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense, description: '炭火' }, owner.token)
    const before = await h.snapshot()
    const r = await h.api.call('updateGroup', { groupId: group.id, clientId: cid(), currency: 'USD', name: '改名也不行' }, owner.token)
    expect([r.status, r.body.ok === false && r.body.error.code]).toEqual([409, 'GROUP_HAS_EXPENSES'])
    expect(r.body.ok === false && r.body.error.details).toMatchObject({ currency: 'CNY', count: 1 })
    expect(await h.snapshot()).toEqual(before)

    // a deleted expense no longer holds the currency; a payment does
    await h.api.ok('deleteExpense', { groupId: group.id, clientId: cid(), expenseId: expense.id }, owner.token)
    await h.api.ok('recordPayment', { groupId: group.id, clientId: cid(), from: pat, to: group.me, amount: 100 }, owner.token)
    const paid = await h.api.call('updateGroup', { groupId: group.id, clientId: cid(), currency: 'USD' }, owner.token)
    expect(paid.body.ok === false && paid.body.error.code).toBe('GROUP_HAS_EXPENSES')
  })
})

describe('renameMember', () => {
  test('a placeholder gets a new name, recorded with before and after', async () => {
    const { owner, group } = await newGroup(['小虹'])
    const pat = group.members.find((m) => m.name === '小虹')!.id
    const out = await h.api.ok('renameMember', { groupId: group.id, clientId: cid(), memberId: pat, name: '小红' }, owner.token)
    expect(out).toMatchObject({ member: { id: pat, name: '小红', userId: null }, version: group.version + 1 })
    const g = (await h.api.ok('getGroup', { groupId: group.id }, owner.token)).group
    expect(g.members.find((m) => m.id === pat)!.name).toBe('小红')
    const [entry] = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
    expect(entry).toMatchObject({ kind: 'member.rename', data: { memberId: pat, before: { name: '小虹' }, after: { name: '小红' } } })
  })

  test('a member who joined names themselves: MEMBER_CLAIMED; an unknown member: NOT_FOUND; nothing written', async () => {
    const { owner, group } = await newGroup()
    const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
    const friend = await h.signIn(`阿明 ${cid()}`)
    const joined = (await h.api.ok('joinGroup', { clientId: cid(), token }, friend.token)).group.me
    const before = await h.snapshot()
    const claimed = await h.api.call('renameMember', { groupId: group.id, clientId: cid(), memberId: joined, name: '改掉' }, owner.token)
    expect([claimed.status, claimed.body.ok === false && claimed.body.error.code]).toEqual([409, 'MEMBER_CLAIMED'])
    const self = await h.api.call('renameMember', { groupId: group.id, clientId: cid(), memberId: group.me, name: '改掉' }, owner.token)
    expect(self.body.ok === false && self.body.error.code).toBe('MEMBER_CLAIMED')
    const unknown = await h.api.call('renameMember', { groupId: group.id, clientId: cid(), memberId: 'm_nobody', name: '改掉' }, owner.token)
    expect([unknown.status, unknown.body.ok === false && unknown.body.error.code]).toEqual([404, 'NOT_FOUND'])
    const empty = await h.api.call('renameMember', { groupId: group.id, clientId: cid(), memberId: group.members[1]!.id, name: '' }, owner.token)
    expect([empty.status, empty.body.ok === false && empty.body.error.code]).toEqual([400, 'INVALID_INPUT'])
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('handOverOrganizer', () => {
  async function withFriend() {
    const { owner, group } = await newGroup(['小虹'])
    const { token } = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, owner.token)
    const friend = await h.signIn(`阿明 ${cid()}`)
    const friendM = (await h.api.ok('joinGroup', { clientId: cid(), token }, friend.token)).group.me
    const placeholder = group.members.find((m) => m.name === '小虹')!.id
    return { owner, friend, group, friendM, placeholder }
  }
  const roles = async (groupId: string, token: string) =>
    Object.fromEntries((await h.api.ok('getGroup', { groupId }, token)).group.members.map((m) => [m.name.split(' ')[0], m.role]))

  test('the organizer hands the role to a member who joined: one organizer, recorded', async () => {
    const { owner, friend, group, friendM } = await withFriend()
    const out = await h.api.ok('handOverOrganizer', { groupId: group.id, clientId: cid(), memberId: friendM }, owner.token)
    expect(out.group.members.find((m) => m.id === friendM)!.role).toBe('organizer')
    expect(await roles(group.id, friend.token)).toEqual({ 小明: 'member', 阿明: 'organizer', 小虹: 'member' })
    const [entry] = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
    expect(entry).toMatchObject({ kind: 'member.organizer', data: { memberId: friendM, before: { organizer: group.me }, after: { organizer: friendM } } })
    // the former organizer no longer may; the new one may hand it back
    const again = await h.api.call('handOverOrganizer', { groupId: group.id, clientId: cid(), memberId: friendM }, owner.token)
    expect([again.status, again.body.ok === false && again.body.error.code]).toEqual([403, 'FORBIDDEN'])
    await h.api.ok('handOverOrganizer', { groupId: group.id, clientId: cid(), memberId: group.me }, friend.token)
    expect(await roles(group.id, owner.token)).toEqual({ 小明: 'organizer', 阿明: 'member', 小虹: 'member' })
  })

  test('refused, with nothing written: a member who is not the organizer, a placeholder, an unknown member', async () => {
    const { owner, friend, group, placeholder } = await withFriend()
    const before = await h.snapshot()
    const notOrganizer = await h.api.call('handOverOrganizer', { groupId: group.id, clientId: cid(), memberId: placeholder }, friend.token)
    expect([notOrganizer.status, notOrganizer.body.ok === false && notOrganizer.body.error.code]).toEqual([403, 'FORBIDDEN'])
    const toPlaceholder = await h.api.call('handOverOrganizer', { groupId: group.id, clientId: cid(), memberId: placeholder }, owner.token)
    expect([toPlaceholder.status, toPlaceholder.body.ok === false && toPlaceholder.body.error.code]).toEqual([409, 'MEMBER_NOT_JOINED'])
    const unknown = await h.api.call('handOverOrganizer', { groupId: group.id, clientId: cid(), memberId: 'm_nobody' }, owner.token)
    expect([unknown.status, unknown.body.ok === false && unknown.body.error.code]).toEqual([404, 'NOT_FOUND'])
    expect(await h.snapshot()).toEqual(before)
  })
})
