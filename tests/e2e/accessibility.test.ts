/**
 * An axe scan (axe-core, WCAG 2.1 A and AA rules) of every page of the H5 preview, in Chinese and in English, in the
 * light and the dark colour scheme, with a group that has expenses, a payment and a placeholder friend, and the privacy
 * sheet open: no serious or critical violation (colour contrast included, so both palettes are checked). On the same
 * pages, everything a finger taps (buttons, switches, inputs, chips, segments, link rows) is at least 44 x 44 px.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { byTestId, callAs, phone, seedId, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()
const api = <T>(action: string, input: unknown, token: string) => callAs<T>(world, action, input, token)

interface Found {
  page: string
  rule: string
  impact: string
  targets: string[]
  help: string
  /** axe's account of the first element: what it is and why it fails */
  first: string
}

/** What a finger taps on the page, and the ones smaller than 44 x 44 CSS px. */
const TAPPABLE = ['taro-button-core', 'taro-switch-core', 'taro-input-core', '.chip', '.segmented__item', '.cover', '[role="button"]', '[role="link"]', '.me__link', '.privacy-sheet__link', '.xrow', '.gcard'].join(', ')

async function smallTargets(page: Page, name: string): Promise<string[]> {
  const small = await page.evaluate((selector) => {
    return Array.from(document.querySelectorAll(selector))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ el, box }) => el.getClientRects().length > 0 && box.width > 0 && (box.height < 44 || box.width < 44))
      .map(({ el, box }) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.width)}x${Math.round(box.height)}`)
  }, TAPPABLE)
  return small.map((s) => `${name}: ${s}`)
}

async function scan(page: Page, name: string): Promise<Found[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      help: v.help,
      first: `${v.nodes[0]?.html.slice(0, 200)}: ${v.nodes[0]?.failureSummary}`
    }))
}

test.each([
  ['zh-CN', 'light'],
  ['en', 'light'],
  ['zh-CN', 'dark'],
  ['en', 'dark']
] as const)('every page in %s, %s scheme, has no serious or critical axe violation', async (locale, scheme) => {
  const { context, page } = await phone(world, locale, scheme)
  const small: string[] = []
  await page.goto(world.url)
  const found: Found[] = await scan(page, 'sign-in')
  const me = await signInAs(page, locale === 'en' ? 'Ann' : '小李')
  if (locale === 'en') {
    await page.goto(`${world.url}#/pages/me/index`)
    await byTestId(page, 'me-locale-en').click()
    await page.getByText('Preferred wallet').first().waitFor()
  }
  const friend = (await api<{ token: string }>('signIn', { provider: 'dev', name: locale === 'en' ? 'Bo' : '阿明' }, '')).token
  const { group } = await api<{ group: { id: string; me: string } }>('createGroup', { clientId: seedId(), name: locale === 'en' ? 'Ski trip' : '滑雪', placeholders: [locale === 'en' ? 'Cy' : '小红'] }, me)
  const { token: invite } = await api<{ token: string }>('createInvite', { groupId: group.id, clientId: seedId() }, me)
  const bo = (await api<{ group: { me: string } }>('joinGroup', { clientId: seedId(), token: invite }, friend)).group.me
  const expense = { id: seedId(), amount: 9000, paidBy: { [group.me]: 9000 }, split: { mode: 'equal', members: [group.me, bo] } }
  await api('addExpense', { groupId: group.id, clientId: seedId(), expense, description: locale === 'en' ? 'Lift passes' : '缆车票' }, me)
  await api('recordPayment', { groupId: group.id, clientId: seedId(), from: bo, to: group.me, amount: 1000, method: 'cash' }, friend)

  const pages: [string, string, string][] = [
    ['home', '/pages/index/index', `group-${group.id}`],
    ['group', `/pages/group/index?id=${group.id}`, 'group-tab'],
    ['new expense', `/pages/expense/index?groupId=${group.id}`, 'expense-amount'],
    ['settle', `/pages/settle/index?groupId=${group.id}`, ''],
    ['new group', '/pages/group-new/index', 'group-name'],
    ['group settings', `/pages/group-settings/index?groupId=${group.id}`, ''],
    ['invite', `/pages/invite/index?groupId=${group.id}`, ''],
    ['join by code', '/pages/join/index', ''],
    ['me', '/pages/me/index', ''],
    ['activity', `/pages/activity/index?groupId=${group.id}`, ''],
    ['people', '/pages/people/index', ''],
    ['statistics', `/pages/stats/index?groupId=${group.id}`, 'chart-category'],
    ['expense detail', `/pages/expense/detail?groupId=${group.id}&expenseId=${expense.id}`, 'detail-description'],
    ['search', `/pages/search/index?groupId=${group.id}`, 'search-text'],
    ['recurring', `/pages/recurring/index?groupId=${group.id}`, 'recurring-add'],
    ['privacy guide', '/pages/legal/index?doc=privacy', 'legal-privacy'],
    ['user agreement', '/pages/legal/index?doc=terms', 'legal-terms']
  ]
  for (const [name, route, ready] of pages) {
    await page.goto(`${world.url}#${route}`)
    if (ready) await byTestId(page, ready).waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
    found.push(...(await scan(page, name)))
    small.push(...(await smallTargets(page, name)))
  }
  // the privacy sheet, as a first-time user who taps "upload QR" sees it
  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-qr').click()
  await byTestId(page, 'privacy-sheet').waitFor()
  found.push(...(await scan(page, 'privacy sheet')))
  small.push(...(await smallTargets(page, 'privacy sheet')))
  await byTestId(page, 'privacy-decline').click()
  // the pages were shown in the language asked for
  await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
  await page.getByText(locale === 'en' ? 'Lift passes' : '缆车票').first().waitFor()
  expect(await page.locator('body').innerText()).toContain(locale === 'en' ? 'Balances' : '余额')
  // the group page's other tabs
  for (const tab of ['group-tab-balances', 'group-tab-settle']) {
    await byTestId(page, tab).click()
    await page.waitForTimeout(300)
    found.push(...(await scan(page, `group: ${tab}`)))
  }
  await context.close()
  expect(found).toEqual([])
  expect(small).toEqual([])
})
