/**
 * Reminders and notifications in the H5 preview: the organizer reminds a friend from the plan (recorded by the
 * function, then the reminder copied with the preview's link to the settle page on that transfer), the line says who
 * reminded; the link opens the settle page on that transfer; Me shows the notification choices. Screenshots.
 */
import { byTestId, callAs, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

test('remind from the plan, open the reminder link, choose notifications in Me', async () => {
  const { context, page } = await phone(world, 'zh-CN')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(world.url)
  const token = await signInAs(page, '小王')
  const { group } = await callAs<{ group: { id: string; me: string; members: Array<{ id: string; name: string }> } }>(
    world,
    'createGroup',
    { clientId: seedId(), name: '周末露营', emoji: '🏕️', currency: 'CNY', placeholders: ['小红'] },
    token
  )
  const red = group.members.find((m) => m.name === '小红')!.id
  const expense = { id: seedId(), amount: 8650, paidBy: { [group.me]: 8650 }, split: { mode: 'equal', members: [group.me, red] } }
  await callAs(world, 'addExpense', { groupId: group.id, clientId: seedId(), expense, description: '烧烤' }, token)

  await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
  await byTestId(page, 'group-tab-settle').click()
  await byTestId(page, `plan-action-${red}-${group.me}`).click()
  await byTestId(page, 'remind-sheet').waitFor()
  await byTestId(page, `plan-note-${red}-${group.me}`).waitFor()
  expect(await byTestId(page, `plan-note-${red}-${group.me}`).textContent()).toMatch(/^小王 .*提醒过$/)
  await shot(page, '46-remind-sheet')
  await byTestId(page, 'remind-copy').click()
  // the first use of the clipboard on this browser: the privacy notice first
  await byTestId(page, 'privacy-agree').click()
  await page.getByText('已复制，粘贴到群聊即可').first().waitFor()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain('小王 提醒你：¥43.25 付给 小王 · 周末露营')
  const link = copied.split(' ').pop()!
  expect(link).toContain(`#/pages/settle/index?groupId=${group.id}&from=${red}&to=${group.me}`)

  // a second reminder within 12 hours is refused, saying who reminded
  await byTestId(page, 'remind-close').click()
  await byTestId(page, `plan-action-${red}-${group.me}`).click()
  await page.getByText('小王 刚提醒过，12 小时后可再提醒').first().waitFor()

  // the link opens the settle page on that transfer
  await page.goto(link)
  await byTestId(page, 'settle-focus').waitFor()
  expect(await byTestId(page, 'settle-focus').textContent()).toBe('这条提醒是给 小红 的：付给 小王 ¥43.25')

  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-notify').waitFor()
  await byTestId(page, 'me-notify').scrollIntoViewIfNeeded()
  await shot(page, '47-me-notifications')
  await context.close()
})
