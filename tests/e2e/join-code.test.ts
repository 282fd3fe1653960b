/**
 * Joining with a code in the H5 preview (the same page the mini-programs use, where no link opens the app): a new
 * person's home page offers 用邀请码加入, the pasted invitation finds the group, and joining works. Screenshots.
 */
import { byTestId, callAs, fill, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

test('a new person joins with the code from a pasted invitation', async () => {
  const owner = (await callAs<{ token: string }>(world, 'signIn', { provider: 'dev', name: '小王' }, '')).token
  const { group } = await callAs<{ group: { id: string } }>(world, 'createGroup', { clientId: seedId(), name: '周末露营', emoji: '🏕️' }, owner)
  const { token } = await callAs<{ token: string }>(world, 'createInvite', { groupId: group.id, clientId: seedId() }, owner)

  const { context, page } = await phone(world, 'zh-CN')
  await page.goto(world.url)
  const friend = await signInAs(page, '小李')
  await byTestId(page, 'join-by-code').click()
  await byTestId(page, 'join-code-submit').waitFor()
  await fill(page, 'join-code', `小王 邀请你加入「周末露营」：……输入邀请码 ${token}`)
  await shot(page, '43-join-code')
  await byTestId(page, 'join-code-submit').click()
  await byTestId(page, 'join-group-name').waitFor()
  expect(await byTestId(page, 'join-group-name').innerText()).toBe('周末露营')
  await byTestId(page, 'join-submit').click()
  await page.waitForURL(/pages\/group\/index/)
  const joined = await callAs<{ group: { members: Array<{ name: string }> } }>(world, 'getGroup', { groupId: group.id }, friend)
  expect(joined.group.members.map((m) => m.name)).toEqual(['小王', '小李'])
  await context.close()
})
