/**
 * Looking back in the H5 preview (Chromium): a Splitwise CSV chosen in the browser's file chooser becomes a group
 * with the file's balances; its statistics page shows the same money in charts; the export downloads a CSV whose
 * balance row is the same; a row opens the expense's detail; the search finds an expense. Screenshots for the README.
 */
import fs from 'node:fs'
import path from 'node:path'
import { byTestId, callAs, fill, phone, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(180_000)

const world = worldPerFile()
const csv = fs.readFileSync(path.join(__dirname, '../cloud/fixtures/splitwise-export.csv'))

test('import a Splitwise CSV, see its balances and statistics, export them, open and search an expense', async () => {
  const { context, page } = await phone(world, 'en')
  await page.goto(world.url)
  const token = await signInAs(page, '李娜')
  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-locale-en').click()

  await page.goto(`${world.url}#/pages/group-new/index`)
  await byTestId(page, 'import-pick').waitFor()
  const choosing = page.waitForEvent('filechooser')
  await byTestId(page, 'import-pick').click()
  await (await choosing).setFiles({ name: 'splitwise-export.csv', mimeType: 'text/csv', buffer: csv })
  await page.getByText('Splitwise export · 3 people').waitFor()
  await page.getByText('李娜', { exact: true }).click()
  await byTestId(page, 'import-card').scrollIntoViewIfNeeded()
  await shot(page, '56-import-en')
  await byTestId(page, 'import-submit').click()

  // the group page: I am 李娜, who owes 99.67 in the file
  await byTestId(page, 'open-stats').waitFor()
  await page.getByText('¥99.67').first().waitFor()
  const { items } = await callAs<{ items: Array<{ id: string }> }>(world, 'listGroups', {}, token)
  const groupId = items[0]!.id
  const { group } = await callAs<{ group: { members: Array<{ id: string; name: string }>; balances: Record<string, number> } }>(world, 'getGroup', { groupId }, token)
  expect(Object.fromEntries(group.members.map((m) => [m.name, group.balances[m.id]]))).toEqual({ 张伟: 16483, 李娜: -9967, Bob: -6516 })
  await byTestId(page, 'group-tab').getByText('Balances').click()
  for (const amount of ['¥164.83', '¥99.67', '¥65.16']) await page.getByText(amount).first().waitFor()

  // statistics: the expenses of the file (the payment is not spending): 300 + 45.50 + 100 + 90 = 535.50
  await byTestId(page, 'open-stats').click()
  await byTestId(page, 'chart-category').waitFor()
  await expect(byTestId(page, 'stats-total').innerText()).resolves.toContain('¥535.50')
  await shot(page, '57-stats-en')

  // the export: a CSV download whose balance row is the file's
  await byTestId(page, 'export-csv').click()
  const downloading = page.waitForEvent('download')
  await byTestId(page, 'export-send').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const exported = fs.readFileSync((await download.path())!, 'utf8')
  const lines = exported.split('\r\n')
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',')
  const balance = lines.find((l) => l.startsWith('balance,'))!.split(',')
  const column = (name: string) => balance[header.indexOf(name)]
  expect([column('张伟'), column('李娜'), column('Bob')]).toEqual(['164.83', '-99.67', '-65.16'])
  expect(exported).toContain('"Dinner, hotpot"')

  // a row opens the expense, with its split and its history
  await page.goBack()
  await byTestId(page, 'group-tab').getByText('Expenses').click()
  await page.getByText('Taxi to the airport').first().click()
  await page.getByText('History').waitFor()
  await shot(page, '58-expense-detail-en')

  // the search: text
  await page.goBack()
  await byTestId(page, 'open-search').click()
  await fill(page, 'search-text', 'hotpot')
  await byTestId(page, 'search-count').waitFor()
  await expect(byTestId(page, 'search-count').innerText()).resolves.toBe('1 found')
  await shot(page, '59-search-en')
  await context.close()
})
