/**
 * The settle page in the H5 preview, in Chinese and English: the wallet button only where it can work (the reason
 * for a placeholder), a cash payment withdrawn by its payer, and one the receiver says did not arrive, with the
 * reason on the payer's phone.
 */
import { byTestId, callAs, drained, fill, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(300_000)

const world = worldPerFile()

const api = <T>(action: string, input: unknown, token: string) => callAs<T>(world, action, input, token)
const cid = seedId

test('wallet reasons, withdraw and reject on the settle page, in both languages', async () => {
  const li = await phone(world, 'zh-CN')
  const ming = await phone(world, 'en')
  await li.page.goto(world.url)
  const liToken = await signInAs(li.page, '小李')
  await ming.page.goto(world.url)
  const mingToken = await signInAs(ming.page, 'Ming')
  // Ming reads the app in English
  await ming.page.goto(`${world.url}#/pages/me/index`)
  await byTestId(ming.page, 'me-locale-en').click()

  // Ming's group: Li owes Ming 30.00 and the placeholder Red 10.00
  const { group } = await api<{ group: { id: string; me: string; members: Array<{ id: string; name: string }> } }>(
    'createGroup',
    { clientId: cid(), name: 'Hotpot', currency: 'CNY', placeholders: ['Red'] },
    mingToken
  )
  const { token: invite } = await api<{ token: string }>('createInvite', { groupId: group.id, clientId: cid() }, mingToken)
  const liM = (await api<{ group: { me: string } }>('joinGroup', { clientId: cid(), token: invite }, liToken)).group.me
  const red = group.members.find((m) => m.name === 'Red')!.id
  const expense = (payer: string, amount: number, members: string[]) => ({ id: cid(), amount, paidBy: { [payer]: amount }, split: { mode: 'equal', members } })
  await api('addExpense', { groupId: group.id, clientId: cid(), expense: expense(group.me, 6000, [group.me, liM]), description: 'Pot' }, mingToken)
  await api('addExpense', { groupId: group.id, clientId: cid(), expense: expense(red, 2000, [red, liM]), description: 'Drinks' }, mingToken)
  const settleUrl = `${world.url}#/pages/settle/index?groupId=${group.id}`

  // Li (Chinese): the sandbox wallet for Ming, the reason for Red
  const L = li.page
  await L.goto(settleUrl)
  await byTestId(L, `pay-why-${red}`).waitFor()
  expect(await byTestId(L, `pay-why-${red}`).innerText()).toBe('Red 暂时不能在应用内收款，请用收款码或现金')
  expect(await L.locator(`[data-testid="pay-wallet-${group.me}"]:visible`).count()).toBe(1)
  expect(await L.locator(`[data-testid="pay-wallet-${red}"]:visible`).count()).toBe(0)
  await shot(L, '20-settle-wallet-reason')

  // Li records cash to Ming, withdraws it, records it again
  await byTestId(L, `pay-cash-${group.me}`).click()
  await byTestId(L, `withdraw-${group.me}`).waitFor()
  await drained(L)
  // shown once: as the payment waiting for Ming, which Li can withdraw
  await L.locator(`[data-testid="pay-${group.me}"]:visible`).waitFor({ state: 'detached' })
  await shot(L, '21-settle-withdraw')
  await byTestId(L, `withdraw-${group.me}`).click()
  await drained(L)
  await byTestId(L, `pay-cash-${group.me}`).waitFor()
  await byTestId(L, `pay-cash-${group.me}`).click()
  await byTestId(L, `withdraw-${group.me}`).waitFor()
  await drained(L)

  // Ming (English) says it did not arrive
  const M = ming.page
  await M.goto(settleUrl)
  await byTestId(M, `reject-payment-${liM}`).click()
  expect(await M.locator(`[data-testid="reject-reason-${liM}"]:visible input, input[data-testid="reject-reason-${liM}"]:visible`).first().getAttribute('placeholder')).toBe(
    'What happened? 小李 will see this'
  )
  await shot(M, '22-settle-reject-empty')
  await fill(M, `reject-reason-${liM}`, 'No cash in the envelope')
  await shot(M, '22-settle-reject-reason')
  await byTestId(M, `reject-send-${liM}`).click()
  await drained(M)
  await M.locator(`[data-testid="confirm-${liM}"]:visible`).waitFor({ state: 'detached' })

  // Li sees why
  await L.reload()
  await byTestId(L, `rejected-${group.me}`).waitFor()
  expect(await byTestId(L, `rejected-${group.me}`).innerText()).toBe('Ming 说没收到这笔钱：No cash in the envelope')
  await shot(L, '23-settle-rejected')
  await li.context.close()
  await ming.context.close()
})
