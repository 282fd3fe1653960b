/**
 * listPeople: everyone I share groups with and what is open between us, from each group's own plan (the one the
 * group shows), per currency and never converted; a signed-in person is one entry across groups, a placeholder
 * one entry in its group; transfers between two other members are not mine.
 */
import { cid, equalExpense, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

test('one entry per person across groups, nets per currency, each group with its own transfers', async () => {
  const me = await h.signIn('Me')
  const bo = await h.signIn('Bo')
  const cy = await h.signIn('Cy')
  /** A group of me, Bo (joined) and the placeholders; returns the member ids by name. */
  async function group(name: string, currency: string, placeholders: string[] = [], others = [bo]) {
    const { group: g } = await h.ok('createGroup', { clientId: cid(), name, currency, placeholders }, me.token)
    const { token } = await h.ok('createInvite', { groupId: g.id, clientId: cid() }, me.token)
    const ids: Record<string, string> = { Me: g.me }
    for (const m of g.members) if (m.id !== g.me) ids[m.name] = m.id
    for (const o of others) ids[o.user.name] = (await h.ok('joinGroup', { clientId: cid(), token }, o.token)).group.me
    return { id: g.id as string, ids }
  }
  const add = (g: { id: string }, payer: string, amount: number, members: string[]) =>
    h.ok('addExpense', { groupId: g.id, clientId: cid(), expense: equalExpense(`e_${cid()}`, amount, payer, members), description: 'x' }, me.token)

  const a = await group('Trip', 'CNY', ['Pat'])
  await add(a, a.ids.Me!, 6000, [a.ids.Me!, a.ids.Bo!, a.ids.Pat!]) // Bo and Pat owe me 20.00 each
  const b = await group('Lunch', 'CNY')
  await add(b, b.ids.Bo!, 3000, [b.ids.Me!, b.ids.Bo!]) // I owe Bo 15.00
  const c = await group('Tokyo', 'JPY')
  await add(c, c.ids.Bo!, 1000, [c.ids.Me!, c.ids.Bo!]) // I owe Bo 500 yen
  const d = await group('Others', 'CNY', ['Dee'], [cy])
  await add(d, d.ids.Cy!, 1000, [d.ids.Dee!]) // Dee owes Cy: nothing between me and them
  // Bo says he paid his 20.00 in group a (waiting for me to confirm)
  await h.ok('recordPayment', { groupId: a.id, clientId: cid(), from: a.ids.Bo, to: a.ids.Me, amount: 2000, method: 'cash' }, bo.token)

  const { people } = await h.ok('listPeople', {}, me.token)
  // the largest open amount first: Pat's 20.00, then Bo's net 5.00 (and 500 yen)
  expect(people.map((p: { name: string }) => p.name)).toEqual(['Pat', 'Bo'])
  const [patView, boView] = people
  expect(boView).toMatchObject({ key: bo.user.id, userId: bo.user.id })
  expect(boView.nets).toEqual(
    expect.arrayContaining([
      { currency: 'CNY', amount: 2000 - 1500 },
      { currency: 'JPY', amount: -500 }
    ])
  )
  expect(boView.nets).toHaveLength(2)
  expect(boView.groups.map((g: { groupName: string }) => g.groupName).sort()).toEqual(['Lunch', 'Tokyo', 'Trip'])
  const trip = boView.groups.find((g: { groupId: string }) => g.groupId === a.id)
  expect(trip).toEqual({ groupId: a.id, groupName: 'Trip', emoji: expect.any(String), currency: 'CNY', memberId: a.ids.Bo, transfers: [{ from: a.ids.Bo, to: a.ids.Me, amount: 2000, state: 'pending' }] })
  expect(patView).toMatchObject({ key: `m:${a.ids.Pat}`, userId: null, nets: [{ currency: 'CNY', amount: 2000 }] })

  // every transfer shown is the group's own plan item
  for (const person of people) {
    for (const g of person.groups) {
      const plan = (await h.ok('getGroup', { groupId: g.groupId }, me.token)).group.plan
      for (const t of g.transfers) expect(plan).toContainEqual(t)
    }
  }

  // Bo sees me once, from his side
  const fromBo = (await h.ok('listPeople', {}, bo.token)).people
  expect(fromBo.map((p: { name: string }) => p.name)).toEqual(['Me'])
  expect(fromBo[0].nets).toEqual(expect.arrayContaining([{ currency: 'CNY', amount: -500 }, { currency: 'JPY', amount: 500 }]))
})

test('nobody when everything is settled', async () => {
  const loner = await h.signIn('Loner')
  await h.ok('createGroup', { clientId: cid(), name: 'Solo', placeholders: ['Ghost'] }, loner.token)
  expect((await h.ok('listPeople', {}, loner.token)).people).toEqual([])
})
