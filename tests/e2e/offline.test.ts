/**
 * Offline in the browser: an expense added without network shows at once as pending, survives closing the app,
 * and is sent exactly once when the app opens again online.
 */
import { rpcClient } from '../../scripts/lib/seed'
import { byTestId, drained, fill, phone, shot, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

test('offline expense: pending at once, kept across a restart, sent once when back online', async () => {
  const { context, page } = await phone(world)
  await page.goto(world.url)
  await fill(page, 'signin-name', 'Oli')
  await byTestId(page, 'signin-submit').click()
  await byTestId(page, 'create-group').click()
  await fill(page, 'group-name', '离线测试')
  await fill(page, 'friend-name', 'Pat')
  await byTestId(page, 'friend-add').click()
  await byTestId(page, 'group-submit').click()
  await byTestId(page, 'group-tab').waitFor()
  const groupUrl = page.url()
  const groupId = new URL(groupUrl.replace('#', '')).searchParams.get('id')!

  // Open the form online (the H5 preview loads each page's code on first visit; the mini-programs ship it all),
  // then lose the network before saving.
  await byTestId(page, 'add-expense').click()
  await byTestId(page, 'expense-amount').waitFor()
  await context.setOffline(true)
  await fill(page, 'expense-amount', '40')
  await fill(page, 'expense-description', '离线午饭')
  await byTestId(page, 'expense-save').click()
  await byTestId(page, 'group-tab').waitFor()
  const row = page.locator('.xrow:visible', { hasText: '离线午饭' })
  await row.waitFor()
  await expect(row.innerText()).resolves.toContain('待同步')
  await expect(row.innerText()).resolves.toContain('我的份额 ¥20.00')
  const head = (await page.locator('.ghead:visible').innerText()).replace(/\s+/g, ' ')
  expect(head).toContain('共 1 笔')
  expect(head).toContain('应收 ¥20.00')
  await page.getByText('共 1 笔').waitFor()
  await shot(page, '11-offline-pending')
  const queued = await page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('splitpay.queue')!).data).state.items.length)
  expect(queued).toBe(1)

  // close the app while offline, then open it again with the network back
  await page.close()
  await context.setOffline(false)
  const again = await context.newPage()
  await again.goto(groupUrl)
  await drained(again)
  const synced = again.locator('.xrow:visible', { hasText: '离线午饭' })
  await synced.waitFor()
  await again.waitForFunction(() => !document.body.innerText.includes('待同步'))

  // the function has it exactly once
  const rpc = rpcClient(`${world.url}api`)
  const { token } = await rpc<{ token: string }>('signIn', { provider: 'dev', name: 'Oli' })
  const list = await rpc<{ items: Array<{ description: string; expense: { amount: number } }> }>('listExpenses', { groupId }, token)
  expect(list.items.map((x) => [x.description, x.expense.amount])).toEqual([['离线午饭', 4000]])
  await context.close()
})
