/**
 * Two people on two phones: Ann creates a group, invites Bo, Bo joins from the link; both add expenses in
 * several split modes and see the same balances; Bo pays Ann in cash and Ann confirms.
 */
import type { Page } from 'playwright-core'
import { byTestId, drained, fill, memberId, phone, shot, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

async function signIn(page: Page, name: string) {
  await fill(page, 'signin-name', name)
  await byTestId(page, 'signin-submit').click()
}

async function balancesText(page: Page): Promise<string[]> {
  await byTestId(page, 'group-tab-balances').click()
  const rows = page.locator('[data-testid^="balance-"]:visible')
  await rows.first().waitFor()
  return rows.allInnerTexts().then((all) => all.map((t) => t.replace('（我）', '').replace(/\s+/g, ' ').trim()))
}

/** Opens the add-expense form from the group page, fills the common fields, and returns the form's page. */
async function startExpense(page: Page, amount: string, description: string) {
  await byTestId(page, 'add-expense').click()
  await byTestId(page, 'expense-amount').waitFor()
  await fill(page, 'expense-amount', amount)
  await fill(page, 'expense-description', description)
}

async function saveExpense(page: Page) {
  await byTestId(page, 'expense-save').click()
  await byTestId(page, 'group-tab').waitFor()
  await drained(page)
}

test('two people split in several modes, see the same balances, and settle in cash', async () => {
  const ann = await phone(world)
  const bo = await phone(world)
  const A = ann.page
  const B = bo.page

  // Ann signs in and sees the empty state that explains what to do.
  await A.goto(world.url)
  await signIn(A, 'Ann')
  await A.getByText('还没有账本').waitFor()
  await shot(A, '01-groups-empty')

  // She creates a group with a placeholder friend.
  await byTestId(A, 'create-group').click()
  await fill(A, 'group-name', '火锅之夜')
  await fill(A, 'friend-name', 'Cy')
  await byTestId(A, 'friend-add').click()
  await byTestId(A, 'group-submit').click()
  await byTestId(A, 'group-tab').waitFor()

  // Invite: the H5 preview shows a link to copy.
  await byTestId(A, 'open-invite').click()
  const link = (await byTestId(A, 'invite-link').innerText()).trim()
  expect(link).toMatch(/#\/pages\/join\/index\?token=[A-Za-z0-9_-]{16,}$/)
  await shot(A, '06-invite')
  await A.goBack()

  // Bo opens the link, signs in, sees the group and joins as a new member.
  await B.goto(link)
  await signIn(B, 'Bo')
  await expect(byTestId(B, 'join-group-name').innerText()).resolves.toBe('火锅之夜')
  await byTestId(B, 'claim-Cy').waitFor() // the placeholder is offered to claim
  await shot(B, '07-join')
  await byTestId(B, 'join-submit').click()
  await byTestId(B, 'group-tab').waitFor()

  // Ann: 120.00 hotpot, split equally between the three.
  await A.reload()
  await byTestId(A, 'group-tab').waitFor()
  await startExpense(A, '120', '火锅')
  await byTestId(A, 'category-food').click()
  const annId = await memberId(A, 'participants', 'Ann')
  const boId = await memberId(A, 'participants', 'Bo')
  const cyId = await memberId(A, 'participants', 'Cy')
  await expect(byTestId(A, `split-share-${cyId}`).innerText()).resolves.toBe('¥40.00')
  await saveExpense(A)

  // Bo: 60.00 taxi by shares, Bo 2 : Ann 1, Cy not in it.
  await startExpense(B, '60', '打车')
  await byTestId(B, 'split-mode-shares').click()
  await byTestId(B, `participants-${cyId}`).click()
  await fill(B, `split-input-${boId}`, '2')
  await fill(B, `split-input-${annId}`, '1')
  await expect(byTestId(B, `split-share-${boId}`).innerText()).resolves.toBe('¥40.00')
  await expect(byTestId(B, `split-share-${annId}`).innerText()).resolves.toBe('¥20.00')
  await shot(B, '03-add-expense-shares')
  await saveExpense(B)

  // Ann: 90.00 tickets by percent; the form says what is wrong until the percentages total 100.
  await startExpense(A, '90', '门票')
  await byTestId(A, 'split-mode-percent').click()
  await fill(A, `split-input-${annId}`, '50')
  await fill(A, `split-input-${boId}`, '25')
  await expect(byTestId(A, 'split-error').innerText()).resolves.toBe('比例合计必须是 100%')
  await fill(A, `split-input-${cyId}`, '25')
  await expect(byTestId(A, `split-share-${cyId}`).innerText()).resolves.toBe('¥22.50')
  await saveExpense(A)

  // Bo: 30.00 snacks with exact amounts (Ann 10, Bo 20), paid by Bo.
  await startExpense(B, '30', '零食')
  await byTestId(B, 'split-mode-exact').click()
  await byTestId(B, `participants-${cyId}`).click()
  await fill(B, `split-input-${annId}`, '10')
  await fill(B, `split-input-${boId}`, '20')
  await saveExpense(B)

  // Expenses newest first, with my share.
  await A.reload()
  await byTestId(A, 'group-tab').waitFor()
  await A.locator('.xrow:visible').first().waitFor()
  await expect(A.locator('.xrow__title:visible').allInnerTexts()).resolves.toEqual(['零食', '门票', '打车', '火锅'])
  await shot(A, '02-group-expenses')

  // Balances: Ann +120-40 -20 +90-45 -10 = 95.00; Bo -40 +20 -22.50 +10 = -32.50; Cy -40 -22.50 = -62.50.
  const seenByAnn = await balancesText(A)
  await B.reload()
  await byTestId(B, 'group-tab').waitFor()
  const seenByBo = await balancesText(B)
  expect(seenByAnn).toEqual(seenByBo)
  expect(await byTestId(A, `balance-${annId}`).innerText()).toContain('¥95.00')
  expect(await byTestId(A, `balance-${boId}`).innerText()).toContain('¥32.50')
  expect(await byTestId(A, `balance-${cyId}`).innerText()).toContain('¥62.50')
  await shot(A, '04-balances')

  // The settlement plan: Bo pays Ann 32.50, Cy pays Ann 62.50.
  await byTestId(A, 'group-tab-settle').click()
  await expect(byTestId(A, `plan-${boId}-${annId}`).innerText()).resolves.toContain('¥32.50')
  await expect(byTestId(A, `plan-${cyId}-${annId}`).innerText()).resolves.toContain('¥62.50')

  // Bo records paying Ann in cash; it waits for Ann's confirmation.
  await byTestId(B, 'open-settle').click()
  await byTestId(B, `pay-cash-${annId}`).waitFor()
  await shot(B, '09-settle-pay')
  await byTestId(B, `pay-cash-${annId}`).click()
  await drained(B)
  await B.reload()
  await B.getByText('已付款，待确认').waitFor()

  // Ann sees it on its plan line, once (not again in the payments list), with its action; Cy's line offers a
  // reminder. She confirms it on the settle page.
  await A.reload()
  await byTestId(A, 'group-tab-settle').click()
  const boLine = byTestId(A, `plan-${boId}-${annId}`)
  await expect(boLine.innerText()).resolves.toContain('已付款，待确认')
  expect(await byTestId(A, `plan-action-${boId}-${annId}`).innerText()).toBe('确认收到')
  expect(await byTestId(A, `plan-action-${cyId}-${annId}`).innerText()).toBe('提醒 TA')
  expect(await A.locator(`[data-testid="tracker-paid-${boId}"]:visible`).count()).toBe(0)
  await shot(A, '05-settle-tracker')
  // a reminder for Cy: recorded by the function, then copied for the chat with the link to the settle page on it
  await A.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await byTestId(A, `plan-action-${cyId}-${annId}`).click()
  await byTestId(A, 'remind-copy').click()
  // the first use of the clipboard on this browser: the privacy notice first
  await byTestId(A, 'privacy-agree').click()
  await A.getByText('已复制，粘贴到群聊即可').first().waitFor()
  const reminder = await A.evaluate(() => navigator.clipboard.readText())
  expect(reminder).toMatch(new RegExp(`^Ann 提醒你：¥62\\.50 付给 Ann · 火锅之夜 http.*#/pages/settle/index\\?groupId=g_[\\w-]+&from=${cyId}&to=${annId}$`))
  await byTestId(A, 'remind-close').click()
  await byTestId(A, 'open-settle').click()
  await byTestId(A, `confirm-payment-${boId}`).click()
  await drained(A)
  await A.goBack()
  await A.reload()
  await byTestId(A, 'group-tab').waitFor()
  await byTestId(A, 'group-tab-settle').click()
  await byTestId(A, `tracker-confirmed-${boId}`).waitFor()
  expect(await A.locator(`[data-testid="plan-${boId}-${annId}"]:visible`).count()).toBe(0)

  // Activity: who added what and who paid.
  await byTestId(A, 'open-activity').click()
  await A.locator('[data-testid="activity-item"]:visible').first().waitFor()
  const activity = await A.locator('[data-testid="activity-item"]:visible').allInnerTexts()
  expect(activity.join('\n')).toContain('Ann 确认收到 ¥32.50')
  expect(activity.join('\n')).toContain('Bo 记了一笔「打车」¥60.00')
  await shot(A, '10-activity')
  await A.goBack()

  // Both agree: Bo is settled, Ann is owed exactly what Cy owes.
  const afterAnn = await balancesText(A)
  await B.goBack()
  await B.reload()
  await byTestId(B, 'group-tab').waitFor()
  const afterBo = await balancesText(B)
  expect(afterAnn).toEqual(afterBo)
  expect(await byTestId(B, `balance-${boId}`).innerText()).toContain('¥0.00')
  expect(await byTestId(B, `balance-${annId}`).innerText()).toContain('¥62.50')

  // Home: the group with my balance in it.
  await A.goto(world.url)
  await A.locator('.gcard:visible').first().waitFor()
  await expect(A.locator('.gcard:visible').first().innerText()).resolves.toContain('¥62.50')
  await shot(A, '00-groups')

  // Me page in English.
  await A.goto(`${world.url}#/pages/me/index`)
  await byTestId(A, 'me-locale-en').click()
  await A.getByText('Preferred wallet').waitFor()
  await shot(A, '08-me-en')

  await ann.context.close()
  await bo.context.close()
})
