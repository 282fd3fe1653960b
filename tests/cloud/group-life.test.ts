/**
 * A group over weeks: removing a member, leaving, archiving and restoring, deleting. Nobody leaves or is removed
 * owing or owed, nothing done afterwards makes them owe again, an archived group is read-only, and each refusal
 * is a 4xx with a stable code that writes nothing.
 */
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

type Token = string

async function newGroup(placeholders: string[] = ['小红']) {
  const owner = await h.signIn(`小明 ${cid()}`)
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: '周末露营', currency: 'CNY', emoji: '🏕️', placeholders }, owner.token)
  const member = (name: string) => group.members.find((m) => m.name === name)!.id
  return { owner, group, member }
}

async function join(groupId: string, owner: Token, name = `阿明 ${cid()}`) {
  const { token } = await h.api.ok('createInvite', { groupId, clientId: cid() }, owner)
  const friend = await h.signIn(name)
  const group = (await h.api.ok('joinGroup', { clientId: cid(), token }, friend.token)).group
  return { friend, id: group.me, invite: token }
}

async function refused(action: string, input: Record<string, unknown>, token: Token, status: number, code: string) {
  const before = await h.snapshot()
  const r = await h.api.call(action as 'getGroup', input as never, token)
  expect([action, r.status, r.body.ok === false && r.body.error.code]).toEqual([action, status, code])
  expect(await h.snapshot()).toEqual(before)
  return r.body.ok === false ? r.body.error.details : undefined
}

const view = async (groupId: string, token: Token) => (await h.api.ok('getGroup', { groupId }, token)).group
const listed = async (token: Token) => (await h.api.ok('listGroups', {}, token)).items

describe('removeMember', () => {
  test('a placeholder nothing refers to is deleted; the activity keeps its name', async () => {
    const { owner, group, member } = await newGroup(['小虹'])
    const out = await h.api.ok('removeMember', { groupId: group.id, clientId: cid(), memberId: member('小虹') }, owner.token)
    expect(out.group.members.map((m) => m.name)).toEqual([group.members[0]!.name])
    expect(out.group.version).toBe(group.version + 1)
    const [entry] = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
    expect(entry).toMatchObject({ kind: 'member.remove', data: { memberId: member('小虹'), name: '小虹', kept: false } })
  })

  test('a member named in the history stays as left; nothing new may change what they owe', async () => {
    const { owner, group, member } = await newGroup(['小红', '小张'])
    const red = member('小红')
    const zhang = member('小张')
    const old = equalExpense(`e_${cid()}`, 900, group.me, [group.me, red, zhang])
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: old, description: '炭火' }, owner.token)
    // 小红 owes 300: she cannot go until she has paid
    const details = await refused('removeMember', { groupId: group.id, clientId: cid(), memberId: red }, owner.token, 409, 'MEMBER_HAS_BALANCE')
    expect(details).toEqual({ memberId: red, balance: -300, currency: 'CNY' })
    await h.api.ok('recordPayment', { groupId: group.id, clientId: cid(), from: red, to: group.me, amount: 300 }, owner.token)

    const out = await h.api.ok('removeMember', { groupId: group.id, clientId: cid(), memberId: red }, owner.token)
    expect(out.group.members.find((m) => m.id === red)).toMatchObject({ name: '小红', left: true })
    expect(out.group.balances[red] ?? 0).toBe(0)
    expect(out.group.plan.some((t) => t.from === red || t.to === red)).toBe(false)
    const [entry] = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
    expect(entry).toMatchObject({ kind: 'member.remove', data: { memberId: red, kept: true } })

    // a new expense with her in it, an edit or a deletion of the old one, a payment to her: MEMBER_LEFT
    const withHer = equalExpense(`e_${cid()}`, 600, group.me, [group.me, red])
    await refused('addExpense', { groupId: group.id, clientId: cid(), expense: withHer, description: '又一笔' }, owner.token, 409, 'MEMBER_LEFT')
    const edited = equalExpense(old.id, 1200, group.me, [group.me, red, zhang])
    await refused('editExpense', { groupId: group.id, clientId: cid(), expense: edited }, owner.token, 409, 'MEMBER_LEFT')
    await refused('deleteExpense', { groupId: group.id, clientId: cid(), expenseId: old.id }, owner.token, 409, 'MEMBER_LEFT')
    await refused('recordPayment', { groupId: group.id, clientId: cid(), from: group.me, to: red, amount: 100 }, owner.token, 409, 'MEMBER_LEFT')
    // an edit that leaves her share as it was is fine, and so is an expense between the others
    await h.api.ok('editExpense', { groupId: group.id, clientId: cid(), expense: old, description: '炭火和木柴' }, owner.token)
    const others = equalExpense(`e_${cid()}`, 400, group.me, [group.me, zhang])
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: others, description: '冰块' }, owner.token)
    const after = await view(group.id, owner.token)
    expect(after.balances[red] ?? 0).toBe(0)
    expect(Object.values(after.balances).reduce((a, b) => a + b, 0)).toBe(0)
  })

  test('someone who joined: the organizer only; they lose the group until they join again', async () => {
    const { owner, group } = await newGroup([])
    const a = await join(group.id, owner.token)
    const b = await join(group.id, owner.token)
    await refused('removeMember', { groupId: group.id, clientId: cid(), memberId: b.id }, a.friend.token, 403, 'FORBIDDEN')
    await refused('removeMember', { groupId: group.id, clientId: cid(), memberId: group.me }, owner.token, 403, 'FORBIDDEN')
    await refused('removeMember', { groupId: group.id, clientId: cid(), memberId: 'm_nobody' }, owner.token, 404, 'NOT_FOUND')

    await h.api.ok('removeMember', { groupId: group.id, clientId: cid(), memberId: b.id }, owner.token)
    expect((await listed(b.friend.token)).some((g) => g.id === group.id)).toBe(false)
    await refused('getGroup', { groupId: group.id }, b.friend.token, 403, 'NOT_MEMBER')
    // the invite brings them back as the same member
    const back = await h.api.ok('joinGroup', { clientId: cid(), token: b.invite }, b.friend.token)
    expect(back.group.me).toBe(b.id)
    expect(back.group.members.find((m) => m.id === b.id)!.left).toBeUndefined()
  })

  test('a payment waiting for confirmation keeps the member: MEMBER_HAS_PENDING', async () => {
    const { owner, group } = await newGroup([])
    const a = await join(group.id, owner.token)
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 200, group.me, [group.me, a.id]), description: '水' }, owner.token)
    // paid, and confirmed by the receiver: zero
    await h.api.ok('recordPayment', { groupId: group.id, clientId: cid(), from: a.id, to: group.me, amount: 100 }, owner.token)
    // one more, recorded by its payer: it waits on the receiver
    await h.api.ok('recordPayment', { groupId: group.id, clientId: cid(), from: a.id, to: group.me, amount: 1 }, a.friend.token)
    expect((await view(group.id, owner.token)).balances[a.id] ?? 0).toBe(0)
    expect(await refused('removeMember', { groupId: group.id, clientId: cid(), memberId: a.id }, owner.token, 409, 'MEMBER_HAS_PENDING')).toEqual({ memberId: a.id, count: 1 })
    await refused('leaveGroup', { groupId: group.id, clientId: cid() }, a.friend.token, 409, 'MEMBER_HAS_PENDING')
  })
})

describe('leaveGroup', () => {
  test('at zero: gone from my list, kept in the record; the organizer role goes to the first who joined', async () => {
    const { owner, group } = await newGroup(['小红'])
    const a = await join(group.id, owner.token)
    const b = await join(group.id, owner.token)
    const clientId = cid()
    const out = await h.api.ok('leaveGroup', { groupId: group.id, clientId }, owner.token)
    expect(out).toEqual({ groupId: group.id, archived: false, version: group.version + 4 })
    expect(await h.api.ok('leaveGroup', { groupId: group.id, clientId }, owner.token)).toEqual(out)
    expect((await listed(owner.token)).some((g) => g.id === group.id)).toBe(false)
    const seen = await view(group.id, b.friend.token)
    expect(seen.members.find((m) => m.id === group.me)).toMatchObject({ left: true, role: 'member' })
    expect(seen.members.find((m) => m.id === a.id)!.role).toBe('organizer')
    const [entry] = (await h.api.ok('listActivity', { groupId: group.id }, b.friend.token)).items
    expect(entry).toMatchObject({ kind: 'member.leave', data: { memberId: group.me, organizer: a.id } })
    expect((await listed(b.friend.token)).find((g) => g.id === group.id)!.memberCount).toBe(3)
  })

  test('with a balance: MEMBER_HAS_BALANCE with the amount', async () => {
    const { owner, group } = await newGroup([])
    const a = await join(group.id, owner.token)
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 8650, group.me, [group.me, a.id]), description: '门票' }, owner.token)
    expect(await refused('leaveGroup', { groupId: group.id, clientId: cid() }, a.friend.token, 409, 'MEMBER_HAS_BALANCE')).toEqual({
      memberId: a.id,
      balance: -4325,
      currency: 'CNY'
    })
    expect(await refused('leaveGroup', { groupId: group.id, clientId: cid() }, owner.token, 409, 'MEMBER_HAS_BALANCE')).toMatchObject({ balance: 4325 })
  })

  test('the last one who joined leaving archives the group', async () => {
    const { owner, group } = await newGroup(['小红'])
    const out = await h.api.ok('leaveGroup', { groupId: group.id, clientId: cid() }, owner.token)
    expect(out).toMatchObject({ archived: true, version: group.version + 2 })
    const rows = await h.app.db.query<{ archived_at: unknown }>('SELECT archived_at FROM groups WHERE id = $1', [group.id])
    expect(rows.rows[0]!.archived_at).not.toBeNull()
  })
})

describe('archive, restore, delete', () => {
  test('archived: read-only for every change, readable and exportable, listed as archived; restored: writable again', async () => {
    const { owner, group, member } = await newGroup(['小红'])
    const a = await join(group.id, owner.token)
    await refused('archiveGroup', { groupId: group.id, clientId: cid(), archived: true }, a.friend.token, 403, 'FORBIDDEN')
    const out = await h.api.ok('archiveGroup', { groupId: group.id, clientId: cid(), archived: true }, owner.token)
    expect(out.group).toMatchObject({ archived: true, version: group.version + 3 })
    expect((await listed(a.friend.token)).find((g) => g.id === group.id)).toMatchObject({ archived: true })

    const e = equalExpense(`e_${cid()}`, 500, group.me, [group.me, member('小红')])
    for (const [action, input] of [
      ['addExpense', { groupId: group.id, clientId: cid(), expense: e, description: '晚饭' }],
      ['updateGroup', { groupId: group.id, clientId: cid(), name: '改名' }],
      ['addMember', { groupId: group.id, clientId: cid(), name: '小张' }],
      ['recordPayment', { groupId: group.id, clientId: cid(), from: member('小红'), to: group.me, amount: 1 }],
      ['createInvite', { groupId: group.id, clientId: cid() }],
      ['removeMember', { groupId: group.id, clientId: cid(), memberId: member('小红') }]
    ] as const) {
      await refused(action, input, owner.token, 409, 'GROUP_ARCHIVED')
    }
    await refused('joinGroup', { clientId: cid(), token: a.invite }, (await h.signIn(`路人 ${cid()}`)).token, 409, 'GROUP_ARCHIVED')
    expect((await view(group.id, a.friend.token)).archived).toBe(true)
    await h.api.ok('listActivity', { groupId: group.id }, a.friend.token)
    await h.api.ok('exportGroup', { groupId: group.id, format: 'csv' }, a.friend.token)

    await refused('archiveGroup', { groupId: group.id, clientId: cid(), archived: false }, a.friend.token, 403, 'FORBIDDEN')
    const back = await h.api.ok('archiveGroup', { groupId: group.id, clientId: cid(), archived: false }, owner.token)
    expect(back.group.archived).toBe(false)
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: e, description: '晚饭' }, owner.token)
    const items = (await h.api.ok('listActivity', { groupId: group.id }, owner.token)).items
    expect(items.slice(0, 3).map((i) => i.kind)).toEqual(['expense.add', 'group.restore', 'group.archive'])
    expect(items[2]!.data).toEqual({ before: { archived: false }, after: { archived: true } })
  })

  test('delete: the organizer, a settled group only; then gone from every list, its invite dead', async () => {
    const { owner, group, member } = await newGroup(['小红'])
    const a = await join(group.id, owner.token)
    await h.api.ok('addExpense', { groupId: group.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, 1000, group.me, [group.me, member('小红')]), description: '船票' }, owner.token)
    await refused('deleteGroup', { groupId: group.id, clientId: cid() }, a.friend.token, 403, 'FORBIDDEN')
    expect(await refused('deleteGroup', { groupId: group.id, clientId: cid() }, owner.token, 409, 'GROUP_NOT_SETTLED')).toEqual({ open: 2, pending: 0 })
    await h.api.ok('recordPayment', { groupId: group.id, clientId: cid(), from: member('小红'), to: group.me, amount: 500 }, owner.token)

    const out = await h.api.ok('deleteGroup', { groupId: group.id, clientId: cid() }, owner.token)
    expect(out.groupId).toBe(group.id)
    for (const token of [owner.token, a.friend.token]) {
      expect((await listed(token)).some((g) => g.id === group.id)).toBe(false)
      await refused('getGroup', { groupId: group.id }, token, 403, 'NOT_MEMBER')
    }
    await refused('joinGroup', { clientId: cid(), token: a.invite }, (await h.signIn(`路人 ${cid()}`)).token, 409, 'INVITE_REVOKED')
  })
})
