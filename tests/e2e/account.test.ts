/**
 * The person's rights in the H5 preview, in English: the Me page's privacy and account section, the export as a
 * downloaded JSON file (a download is not a privacy API: no notice first), and deleting the account after the
 * confirmation, which signs the browser out; the friend then sees the anonymous member in the group.
 */
import fs from 'node:fs'
import { byTestId, callAs, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(180_000)

const world = worldPerFile()

test('export my data downloads one JSON file; delete my account asks, then signs out and anonymizes me', async () => {
  const { context, page } = await phone(world, 'en')
  await page.goto(world.url)
  const me = await signInAs(page, 'Dana')
  const friend = (await callAs<{ token: string }>(world, 'signIn', { provider: 'dev', name: 'Eli' }, '')).token
  const { group } = await callAs<{ group: { id: string; me: string } }>(world, 'createGroup', { clientId: seedId(), name: 'Road trip' }, friend)
  const { token: invite } = await callAs<{ token: string }>(world, 'createInvite', { groupId: group.id, clientId: seedId() }, friend)
  const mine = (await callAs<{ group: { me: string } }>(world, 'joinGroup', { clientId: seedId(), token: invite }, me)).group.me

  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-locale-en').click()
  await byTestId(page, 'me-export').scrollIntoViewIfNeeded()
  await shot(page, '54-me-account-en')
  await byTestId(page, 'me-export').click()
  const downloading = page.waitForEvent('download')
  await byTestId(page, 'me-export-send').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^splitpay-my-data-\d{4}-\d\d-\d\d\.json$/)
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { user: { name: string }; memberships: { groupName: string; memberId: string }[] }
  expect(data.user.name).toBe('Dana')
  expect(data.memberships).toEqual([expect.objectContaining({ groupName: 'Road trip', memberId: mine })])

  await byTestId(page, 'me-delete').click()
  await page.getByText('Delete your account?').waitFor()
  await shot(page, '55-delete-confirm-en')
  await page.getByText('Delete', { exact: true }).last().click()
  await byTestId(page, 'signin-name').waitFor()
  const view = await callAs<{ group: { members: { id: string; name: string }[] } }>(world, 'getGroup', { groupId: group.id }, friend)
  expect(view.group.members.find((m) => m.id === mine)?.name).toBe('已注销用户')
  expect(await page.evaluate(() => window.localStorage.getItem('splitpay.session') ?? '')).not.toContain('"token":"')
  await context.close()
})
