/**
 * What I owe overall, in the H5 preview: the home page's totals across groups and the people view they open, in
 * Chinese and English, with screenshots.
 */
import { byTestId, callAs, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

const api = <T>(action: string, input: unknown, token: string) => callAs<T>(world, action, input, token)
const cid = seedId

test('totals across groups and the people view, in both languages', async () => {
  const { context, page } = await phone(world, 'zh-CN')
  await page.goto(world.url)
  const me = await signInAs(page, '小李')
  const ming = (await api<{ token: string }>('signIn', { provider: 'dev', name: '阿明' }, '')).token
  const red = (await api<{ token: string }>('signIn', { provider: 'dev', name: '小红' }, '')).token
  /** A group made by `owner` with me in it, where `payer` ('me' or 'owner') paid `amount` for both. */
  async function shared(owner: string, name: string, emoji: string, currency: string, amount: number, iPaid: boolean) {
    const { group } = await api<{ group: { id: string; me: string } }>('createGroup', { clientId: cid(), name, emoji, currency }, owner)
    const { token } = await api<{ token: string }>('createInvite', { groupId: group.id, clientId: cid() }, owner)
    const mine = (await api<{ group: { me: string } }>('joinGroup', { clientId: cid(), token }, me)).group.me
    const payer = iPaid ? mine : group.me
    const expense = { id: cid(), amount, paidBy: { [payer]: amount }, split: { mode: 'equal', members: [group.me, mine] } }
    await api('addExpense', { groupId: group.id, clientId: cid(), expense, description: name }, owner)
  }
  await shared(ming, '周末火锅', '🍲', 'CNY', 6000, false)
  await shared(ming, '打车', '🚕', 'CNY', 2000, true)
  await shared(red, '东京之旅', '🗼', 'JPY', 30000, true)
  await shared(red, '咖啡', '☕', 'CNY', 3600, false)

  await page.reload()
  const cny = byTestId(page, 'totals-CNY')
  await cny.waitFor()
  expect((await cny.innerText()).replace(/\s+/g, ' ')).toBe('我总共要付 ¥48.00 我总共要收 ¥10.00')
  expect((await byTestId(page, 'totals-JPY').innerText()).replace(/\s+/g, ' ')).toBe('我总共要付 JP¥0 我总共要收 JP¥15,000')
  await shot(page, '30-home-totals')

  await byTestId(page, 'totals').click()
  await page.getByText('和每个人之间还没结清的钱').first().waitFor()
  const people = page.locator('.person:visible')
  await people.first().waitFor()
  expect(await people.count()).toBe(2)
  await shot(page, '31-people')

  // the same in English
  await page.goto(`${world.url}#/pages/me/index`)
  await byTestId(page, 'me-locale-en').click()
  await page.goto(`${world.url}#/pages/people/index`)
  await page.getByText('What is open with each person').first().waitFor()
  await shot(page, '32-people-en')
  await context.close()
})
