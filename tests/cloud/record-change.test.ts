/**
 * recordChange, the one way a group changes version: it bumps the version from the row itself and writes one
 * activity row per change, returns the new version, and leaves the caller's group row as it was (a view after the
 * change is built from `{ ...group, version }`). Two changes in one transaction get two versions.
 */
import { lockGroup, recordChange } from '../../cloud/ledger/groups'
import { cid, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

test('two changes in one transaction: two versions, two activity rows, the caller’s row untouched', async () => {
  const ann = await h.signIn('Ann')
  const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip' }, ann.token)
  const versions = await h.app.db.transaction(async (q) => {
    const row = (await lockGroup(q, group.id))!
    const before = { ...row }
    const first = await recordChange(q, row, { memberId: null, name: 'test' }, 'group.update', { n: 1 }, new Date())
    const second = await recordChange(q, row, { memberId: null, name: 'test' }, 'group.update', { n: 2 }, new Date())
    expect(row).toEqual(before)
    return [before.version, first, second]
  })
  expect(versions).toEqual([group.version, group.version + 1, group.version + 2])
  const activity = await h.app.db.query<{ version: unknown; data: { n?: number } }>('SELECT version, data FROM activity WHERE group_id = $1 ORDER BY version', [group.id])
  expect(activity.rows.map((r) => Number(r.version))).toEqual(Array.from({ length: group.version + 2 }, (_, i) => i + 1))
  expect(activity.rows.slice(-2).map((r) => r.data.n)).toEqual([1, 2])
  expect((await h.api.ok('getGroup', { groupId: group.id }, ann.token)).group.version).toBe(group.version + 2)
})
