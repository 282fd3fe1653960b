/**
 * Requests generated from the request schemas themselves, for every action, sent to the real function with a real
 * session and a real group (its id, its members' ids mixed into the generated fields): no answer is a 5xx, and
 * every refusal carries a listed error code. Runs on PGlite and on PostgreSQL.
 */
import fc from 'fast-check'
import { isApiErrorCode } from '../../src/api'
import { cid, equalExpense, startHarness, type Harness } from './harness'
import { requestsFor } from './support/from-schema'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

test('no generated request gets a 5xx, for any action', async () => {
  const ann = await h.signIn('Ann')
  const bob = await h.signIn('Bob')
  const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Fuzz', placeholders: ['Pat', 'Quinn'] }, ann.token)
  const groupId = g.group.id
  const { token: inviteToken } = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
  const joined = await h.api.ok('joinGroup', { clientId: cid(), token: inviteToken }, bob.token)
  const members = joined.group.members.map((m) => m.id)
  await h.api.ok('addExpense', { groupId, clientId: cid(), expense: equalExpense('e_seed', 1000, members[0]!, members), description: 'Seed' }, ann.token)
  const pending = await h.api.ok('recordPayment', { groupId, clientId: cid(), from: g.group.me, to: joined.group.me, amount: 100 }, ann.token)

  const hints = {
    ids: [...members, 'e_seed', pending.payment.id, groupId],
    named: {
      groupId: [groupId],
      from: members,
      to: members,
      memberId: members,
      claimMemberId: members,
      expenseId: ['e_seed'],
      paymentId: [pending.payment.id],
      token: [inviteToken],
      provider: ['dev']
    }
  }
  let requests = 0
  let accepted = 0
  const failures: string[] = []
  for (const [name, action] of h.app.handler.actions) {
    await fc.assert(
      fc.asyncProperty(requestsFor(action.input, hints), fc.boolean(), async (input, asBob) => {
        requests++
        const r = await h.call(name, input, asBob ? bob.token : ann.token)
        if (r.status >= 500) failures.push(`${name} ${JSON.stringify(input).slice(0, 300)} -> ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)
        if (r.body.ok) accepted++
        else if (!isApiErrorCode(r.body.error.code)) failures.push(`${name}: unlisted code ${r.body.error.code}`)
      }),
      { numRuns: 40, seed: 1129, endOnFailure: true }
    )
  }
  expect(failures).toEqual([])
  expect(requests).toBeGreaterThan(500)
  // the generated requests reach past validation, not only into it
  expect(accepted).toBeGreaterThan(requests / 20)
}, 600_000)
