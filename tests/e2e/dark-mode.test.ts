/**
 * Dark mode in the H5 preview (the same style sheets as the mini-programs): with the phone in the dark scheme the
 * pages draw from the dark palette, and in the light scheme from the light one. Checked on the computed colours of the
 * page, a card, body text and a button, and kept as screenshots of both schemes (docs/screenshots/50-*).
 */
import type { Page } from 'playwright-core'
import { byTestId, callAs, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(240_000)

const world = worldPerFile()

async function colours(page: Page) {
  return page.evaluate(() => {
    const css = (el: Element | null, prop: string) => (el ? getComputedStyle(el).getPropertyValue(prop) : '')
    const visible = (sel: string) => Array.from(document.querySelectorAll(sel)).find((e) => e.getClientRects().length > 0) ?? null
    return {
      page: css(visible('.page'), 'background-color'),
      card: css(visible('.card'), 'background-color'),
      text: css(document.body, 'color'),
      muted: css(visible('.muted'), 'color')
    }
  })
}

test('the dark scheme draws every page from the dark palette; the light scheme from the light one', async () => {
  const seen: Record<string, Awaited<ReturnType<typeof colours>>> = {}
  for (const scheme of ['light', 'dark'] as const) {
    const { context, page } = await phone(world, 'zh-CN', scheme)
    await page.goto(world.url)
    const me = await signInAs(page, `小夜 ${scheme}`)
    const { group } = await callAs<{ group: { id: string; me: string } }>(world, 'createGroup', { clientId: seedId(), name: '夜宵', placeholders: ['阿光'] }, me)
    const other = (await callAs<{ group: { members: { id: string }[] } }>(world, 'getGroup', { groupId: group.id }, me)).group.members.find((m) => m.id !== group.me)!.id
    const expense = { id: seedId(), amount: 8800, paidBy: { [group.me]: 8800 }, split: { mode: 'equal', members: [group.me, other] } }
    await callAs(world, 'addExpense', { groupId: group.id, clientId: seedId(), expense, description: '烧烤' }, me)

    await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
    await page.getByText('烧烤').first().waitFor()
    await shot(page, `50-group-${scheme}`)
    await page.goto(`${world.url}#/pages/me/index`)
    await byTestId(page, 'me-export').waitFor()
    seen[scheme] = await colours(page)
    await shot(page, `51-me-${scheme}`)
    await byTestId(page, 'me-qr').click()
    await byTestId(page, 'privacy-sheet').waitFor()
    await shot(page, `52-privacy-sheet-${scheme}`)
    await byTestId(page, 'privacy-decline').click()
    await page.goto(`${world.url}#/pages/legal/index?doc=privacy`)
    await byTestId(page, 'legal-privacy').waitFor()
    await shot(page, `53-privacy-guide-${scheme}`)
    await context.close()
  }
  expect(seen.light).toEqual({ page: 'rgb(244, 245, 247)', card: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 41)', muted: 'rgb(100, 106, 115)' })
  expect(seen.dark).toEqual({ page: 'rgb(17, 19, 22)', card: 'rgb(29, 32, 37)', text: 'rgb(232, 234, 237)', muted: 'rgb(164, 171, 181)' })
})
