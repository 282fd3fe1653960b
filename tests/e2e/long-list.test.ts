/**
 * A group with hundreds of expenses: the page loads them with the cursor API page by page as you scroll,
 * and only a window of rows is ever in the view (the rest is spacer), however many are loaded.
 */
import { randomBytes } from 'node:crypto'
import { rpcClient } from '../../scripts/lib/seed'
import { byTestId, fill, phone, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()
const COUNT = 260

const cid = () => randomBytes(16).toString('base64url')

test(`${COUNT} expenses page in as you scroll, with a bounded window of rows`, async () => {
  const rpc = rpcClient(`${world.url}api`)
  const { token } = await rpc<{ token: string }>('signIn', { provider: 'dev', name: 'Dee' })
  const { group } = await rpc<{ group: { id: string; me: string } }>('createGroup', { clientId: cid(), name: '长账本', currency: 'CNY', emoji: '📚', placeholders: ['Eve'] }, token)
  for (let i = 1; i <= COUNT; i++) {
    const description = `E${String(i).padStart(4, '0')}`
    await rpc('addExpense', { groupId: group.id, clientId: cid(), description, category: 'food', date: '2026-11-20', expense: { id: cid(), amount: 100 + i, paidBy: { [group.me]: 100 + i }, split: { mode: 'equal', members: [group.me] } } }, token)
  }

  const { page, context } = await phone(world)
  const listCalls: string[] = []
  page.on('request', (r) => {
    const body = r.postData()
    if (body?.includes('"listExpenses"')) listCalls.push(body)
  })
  await page.goto(world.url)
  await fill(page, 'signin-name', 'Dee')
  await byTestId(page, 'signin-submit').click()
  await byTestId(page, `group-${group.id}`).click()
  await page.locator('.xrow:visible').first().waitFor()
  await page.getByText(`共 ${COUNT} 笔`).waitFor()

  const rows = () => page.locator('.xrow:visible').count()
  // H5 pages scroll inside the page element of Taro's router, not the window
  const scrollBy = (dy: number) =>
    page.evaluate((d) => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
      const el = shown[shown.length - 1]
      el.scrollTop = d === 0 ? 0 : el.scrollTop + d
    }, dy)
  const first = await rows()
  expect(first).toBeGreaterThan(5)
  expect(first).toBeLessThan(45)
  await expect(page.locator('.xrow__title:visible').first().innerText()).resolves.toBe(`E${String(COUNT).padStart(4, '0')}`)

  let maxRows = first
  for (let i = 0; i < 80; i++) {
    await scrollBy(1200)
    await page.waitForTimeout(120)
    maxRows = Math.max(maxRows, await rows())
    if (await page.getByText('没有更多了').isVisible()) break
  }
  await page.getByText('没有更多了').waitFor()
  // every page came through the cursor API, and the oldest expense is at the bottom
  expect(listCalls.length).toBeGreaterThanOrEqual(Math.ceil(COUNT / 50))
  expect(listCalls.some((b) => b.includes('"cursor"'))).toBe(true)
  // at the bottom, the window holds the oldest expense (scroll events settle within a moment)
  await scrollBy(2000)
  await page
    .waitForFunction(() => {
      const titles = Array.from(document.querySelectorAll<HTMLElement>('.xrow__title')).filter((t) => t.offsetParent !== null)
      return titles[titles.length - 1]?.innerText === 'E0001'
    }, undefined, { timeout: 5000 })
    .catch(() => {})
  const titles = await page.locator('.xrow__title:visible').allInnerTexts()
  expect(titles[titles.length - 1]).toBe('E0001')
  // the view never held more than a window of rows
  expect(maxRows).toBeLessThan(45)

  // scrolling back up shows the newest again
  await scrollBy(0)
  await page.waitForTimeout(300)
  await expect(page.locator('.xrow__title:visible').first().innerText()).resolves.toBe(`E${String(COUNT).padStart(4, '0')}`)
  await context.close()
})
