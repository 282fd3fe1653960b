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
