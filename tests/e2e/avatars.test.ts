/**
 * Avatars in the H5 preview: a person adds a photo on the Me page (the file picker; the picture is cropped to a
 * square and saved by the function), and everyone's photo replaces their initial in the group, in Chinese and
 * English, with screenshots.
 */
import type { Page } from 'playwright-core'
import { byTestId, callAs, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()
const api = <T>(action: string, input: unknown, token: string) => callAs<T>(world, action, input, token)

/** A small portrait drawn in the browser: a coloured background and a face, as a data URL of `type`. */
async function portrait(page: Page, background: string, face: string, type: 'image/png' | 'image/jpeg'): Promise<string> {
  return page.evaluate(
    ([bg, emoji, mime]) => {
      const canvas = document.createElement('canvas')
      canvas.width = 240
      canvas.height = 180 // not square: the app crops it
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = bg
      ctx.fillRect(0, 0, 240, 180)
      ctx.font = '120px "Noto Color Emoji", sans-serif'
      ctx.textAlign = 'center'
      ctx.textBaseline = 'middle'
      ctx.fillText(emoji, 120, 96)
      return canvas.toDataURL(mime, 0.9)
    },
    [background, face, type] as const
  )
}

test('a photo from the Me page, and everyone’s photo in the group', async () => {
  const { context, page } = await phone(world, 'zh-CN')
  await page.goto(world.url)
  const me = await signInAs(page, '小李')
  const ming = (await api<{ token: string }>('signIn', { provider: 'dev', name: '阿明' }, '')).token
  const red = (await api<{ token: string }>('signIn', { provider: 'dev', name: '小红' }, '')).token
  await api('setWallet', { clientId: seedId(), avatar: await portrait(page, '#ffd7a8', '🦊', 'image/jpeg') }, ming)
  await api('setWallet', { clientId: seedId(), avatar: await portrait(page, '#c9e8ff', '🐼', 'image/jpeg') }, red)
  const { group } = await api<{ group: { id: string; me: string } }>('createGroup', { clientId: seedId(), name: '周末露营', emoji: '🏕️', currency: 'CNY', placeholders: ['老王'] }, ming)
  const { token } = await api<{ token: string }>('createInvite', { groupId: group.id, clientId: seedId() }, ming)
  await api('joinGroup', { clientId: seedId(), token }, me)
  await api('joinGroup', { clientId: seedId(), token }, red)

  // the Me page: add a photo through the file picker
  await page.goto(`${world.url}#/pages/me/index`)
  const picker = byTestId(page, 'avatar-picker')
  await picker.waitFor()
  expect(await picker.innerText()).toBe('设置头像')
  const mine = Buffer.from((await portrait(page, '#d9f2e6', '🐯', 'image/png')).split(',')[1]!, 'base64')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.click()])
  await chooser.setFiles({ name: 'me.png', mimeType: 'image/png', buffer: mine })
  await page.getByText('更换头像').first().waitFor()
  const user = (await api<{ user: { avatar: string | null } }>('getMe', {}, me)).user
  expect(user.avatar).toMatch(/^\/avatars\/[0-9a-f]{32}$/)
  const head = page.locator('.me__head img').first()
  await head.waitFor()
  expect(await head.getAttribute('src')).toBe(user.avatar)
  // the saved picture is the square crop the app made (160 x 160), decoded by the browser
  const size = await head.evaluate((img: HTMLImageElement) => (img.complete ? [img.naturalWidth, img.naturalHeight] : [0, 0]))
  expect(size).toEqual([160, 160])
  await page.getByText('头像已更新').first().waitFor({ state: 'hidden' })
  await shot(page, '33-me-avatar')

  // the group: photos instead of initials for the three who have one; the placeholder keeps its initial
  await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
  await byTestId(page, 'group-tab-balances').click()
  const photos = page.locator('.gsection .avatar--image img:visible')
  await photos.nth(2).waitFor()
  expect(await photos.count()).toBe(3)
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.gsection .avatar--image img')).every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))
  expect(await page.locator('.gsection .avatar__text:visible').allInnerTexts()).toEqual(['老'])
  await shot(page, '34-group-avatars')

  // English
  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-locale-en').click()
  await page.getByText('Change photo').first().waitFor()
  await shot(page, '35-me-avatar-en')

  // the settlement as one list, in English: I paid ¥120.00 for the four of us; 小红 says she paid me in cash
  const members = (await api<{ group: { members: Array<{ id: string; name: string }> } }>('getGroup', { groupId: group.id }, me)).group.members
  const id = (name: string) => members.find((m) => m.name === name)!.id
  const all = members.map((m) => m.id)
  const expense = { id: seedId(), amount: 12000, paidBy: { [id('小李')]: 12000 }, split: { mode: 'equal', members: all } }
  await api('addExpense', { groupId: group.id, clientId: seedId(), expense, description: 'Campsite' }, me)
  await api('recordPayment', { groupId: group.id, clientId: seedId(), from: id('小红'), to: id('小李'), amount: 3000, method: 'cash' }, red)
  await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
  await byTestId(page, 'group-tab-settle').click()
  await expect(byTestId(page, `plan-action-${id('小红')}-${id('小李')}`).innerText()).resolves.toBe('Confirm received')
  expect(await byTestId(page, `plan-action-${id('阿明')}-${id('小李')}`).innerText()).toBe('Remind')
  await shot(page, '36-settle-en')
  await context.close()
})
