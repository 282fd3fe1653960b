/**
 * Group settings in the H5 preview: from the group header, a new name and cover, a placeholder renamed, a friend
 * added later, and the group page showing all of it; the same page in English. Screenshots of both.
 */
import { byTestId, callAs, fill, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

test('rename the group, rename a placeholder, add a friend later; in both languages', async () => {
  const { context, page } = await phone(world, 'zh-CN')
  await page.goto(world.url)
  const token = await signInAs(page, '小王')
  const { group } = await callAs<{ group: { id: string; members: Array<{ id: string; name: string }> } }>(
    world,
    'createGroup',
    { clientId: seedId(), name: '周末露营', emoji: '🏕️', currency: 'CNY', placeholders: ['小虹'] },
    token
  )
  const placeholder = group.members.find((m) => m.name === '小虹')!.id

  await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
  await byTestId(page, 'open-settings').click()
  await byTestId(page, 'settings-save').waitFor()
  await fill(page, 'settings-name', '周末徒步')
  await byTestId(page, 'cover-🎿').click()
  await byTestId(page, 'settings-save').click()
  await page.getByText('已保存').first().waitFor()

  await fill(page, `settings-member-name-${placeholder}`, '小红')
  await byTestId(page, `settings-member-rename-${placeholder}`).click()
  await page.getByText('已改名').first().waitFor()
  await fill(page, 'settings-add-name', '小张')
  await byTestId(page, 'settings-add').click()
  await page.locator('[data-testid^="settings-member-name-"]:visible input').nth(1).waitFor()
  await shot(page, '40-group-settings')

  const after = await callAs<{ group: { name: string; emoji: string; members: Array<{ name: string }> } }>(world, 'getGroup', { groupId: group.id }, token)
  expect(after.group).toMatchObject({ name: '周末徒步', emoji: '🎿' })
  expect(after.group.members.map((m) => m.name)).toEqual(['小王', '小红', '小张'])

  await page.goBack()
  await page.getByText('周末徒步').first().waitFor()
  await byTestId(page, 'open-settings').waitFor()
  await shot(page, '42-group-header-settings')

  // English
  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-locale-en').click()
  await page.goto(`${world.url}#/pages/group-settings/index?groupId=${group.id}`)
  await page.getByText('Save settings').first().waitFor()
  await page.getByText('The currency is fixed once something is recorded').waitFor({ state: 'detached' })
  await shot(page, '41-group-settings-en')
  await context.close()
})

test('a friend leaves; the organizer removes a slip of a placeholder, archives the group and restores it', async () => {
  const owner = await phone(world, 'zh-CN')
  await owner.page.goto(world.url)
  const token = await signInAs(owner.page, '小王')
  const { group } = await callAs<{ group: { id: string; members: Array<{ id: string; name: string }> } }>(
    world,
    'createGroup',
    { clientId: seedId(), name: '去年春游', emoji: '🌸', currency: 'CNY', placeholders: ['小虹'] },
    token
  )
  const placeholder = group.members.find((m) => m.name === '小虹')!.id
  const invite = await callAs<{ token: string }>(world, 'createInvite', { groupId: group.id, clientId: seedId() }, token)

  // 阿明 joins, then leaves from the settings page (at zero: nothing to settle)
  const friend = await phone(world, 'zh-CN')
  await friend.page.goto(world.url)
  const friendToken = await signInAs(friend.page, '阿明')
  const joined = await callAs<{ group: { me: string } }>(world, 'joinGroup', { clientId: seedId(), token: invite.token }, friendToken)
  await friend.page.goto(`${world.url}#/pages/group-settings/index?groupId=${group.id}`)
  await byTestId(friend.page, 'settings-leave').click()
  await friend.page.getByText('账本会从你的列表中消失，记录保留。').waitFor()
  await shot(friend.page, '43-leave-confirm')
  await friend.page.getByText('确定', { exact: true }).last().click()
  await friend.page.getByText('我的账本').first().waitFor()
  await friend.page.locator(`[data-testid="group-${group.id}"]`).waitFor({ state: 'detached' })
  expect(await callAs<{ items: Array<{ id: string }> }>(world, 'listGroups', {}, friendToken).then((r) => r.items.map((g) => g.id))).not.toContain(group.id)
  await friend.context.close()

  // the organizer sees 阿明 under "left"; removes the placeholder nobody used; archives; restores
  await owner.page.goto(`${world.url}#/pages/group-settings/index?groupId=${group.id}`)
  await byTestId(owner.page, `settings-left-${joined.group.me}`).waitFor()
  await byTestId(owner.page, `settings-remove-${placeholder}`).click()
  await owner.page.getByText('确定', { exact: true }).last().click()
  await byTestId(owner.page, `settings-member-${placeholder}`).waitFor({ state: 'detached' })
  await byTestId(owner.page, 'settings-archive').click()
  await owner.page.getByText('确定', { exact: true }).last().click()
  await byTestId(owner.page, 'settings-read-only').waitFor()
  await shot(owner.page, '44-group-archived-settings')
  const archived = await callAs<{ group: { archived?: boolean; members: Array<{ id: string; left?: boolean }> } }>(world, 'getGroup', { groupId: group.id }, token)
  expect(archived.group.archived).toBe(true)
  expect(archived.group.members.map((m) => [m.id, Boolean(m.left)])).toEqual([
    [group.members[0]!.id, false],
    [joined.group.me, true]
  ])

  // the home page lists it under "archived"
  await owner.page.goto(world.url)
  await byTestId(owner.page, 'toggle-archived').click()
  await byTestId(owner.page, `group-${group.id}`).waitFor()
  await shot(owner.page, '45-home-archived')

  await owner.page.goto(`${world.url}#/pages/group-settings/index?groupId=${group.id}`)
  await byTestId(owner.page, 'settings-restore').click()
  await byTestId(owner.page, 'settings-save').waitFor()
  expect((await callAs<{ group: { archived?: boolean } }>(world, 'getGroup', { groupId: group.id }, token)).group.archived).toBe(false)
  await owner.context.close()
})
