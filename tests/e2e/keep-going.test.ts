/**
 * Everyday entry in the H5 preview (Chromium, Chinese): the group page shows the next recurring expense, which opens
 * the recurring page; receipt photos chosen in the browser are compressed with a canvas, stored by the function and
 * shown from its signed URLs. Screenshots for the README.
 */
import { byTestId, callAs, phone, seedId, shot, signInAs, worldPerFile } from './harness'

jest.setTimeout(180_000)

const world = worldPerFile()

test('the next recurring expense, the recurring page, and receipt photos', async () => {
  const { context, page } = await phone(world)
  await page.goto(world.url)
  const token = await signInAs(page, '小林')
  const { group } = await callAs<{ group: { id: string; me: string; members: Array<{ id: string }> } }>(world, 'createGroup', { clientId: seedId(), name: '合租', emoji: '🏠', placeholders: ['小周'] }, token)
  const [me, zhou] = group.members.map((m) => m.id) as [string, string]
  const split = { mode: 'equal', members: [me, zhou] }
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
  await callAs(world, 'addRecurring', { groupId: group.id, clientId: seedId(), expense: { amount: 420000, paidBy: { [me]: 420000 }, split }, description: '房租', category: 'lodging', rule: { frequency: 'monthly', dayOfMonth: Number(today.slice(8, 10)) }, startDate: today }, token)
  await callAs(world, 'addRecurring', { groupId: group.id, clientId: seedId(), expense: { amount: 2500, paidBy: { [zhou]: 2500 }, split }, description: '视频会员', category: 'fun', rule: { frequency: 'weekly' }, startDate: today }, token)
  const expenseId = seedId()
  await callAs(world, 'addExpense', { groupId: group.id, clientId: seedId(), expense: { id: expenseId, amount: 16800, paidBy: { [me]: 16800 }, split }, description: '宜家购物', category: 'shopping' }, token)

  await page.goto(`${world.url}#/pages/group/index?id=${group.id}`)
  await byTestId(page, 'next-recurring').waitFor()
  await expect(byTestId(page, 'next-recurring').innerText()).resolves.toContain('视频会员')
  await byTestId(page, 'next-recurring').click()
  await page.getByText('每月').first().waitFor()
  await shot(page, '60-recurring-zh')

  // receipt photos: a real PNG made by the browser, compressed by the page's canvas
  const png = Buffer.from(
    await page.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 600
      c.height = 800
      const g = c.getContext('2d')!
      g.fillStyle = '#fffdf5'
      g.fillRect(0, 0, 600, 800)
      g.fillStyle = '#333'
      g.font = '40px sans-serif'
      for (let i = 0; i < 12; i++) g.fillText(`ITEM ${i + 1} ........ ${(i * 13.7).toFixed(2)}`, 40, 80 + i * 56)
      return c.toDataURL('image/png').split(',')[1]!
    }),
    'base64'
  )
  await page.goto(`${world.url}#/pages/expense/detail?groupId=${group.id}&expenseId=${expenseId}`)
  await byTestId(page, 'receipt-add').click()
  // the first privacy API asks first in the preview, as on Alipay
  const choosing = page.waitForEvent('filechooser')
  await byTestId(page, 'privacy-agree').click()
  const chooser = await choosing
  await chooser.setFiles([
    { name: 'receipt-1.png', mimeType: 'image/png', buffer: png },
    { name: 'receipt-2.png', mimeType: 'image/png', buffer: png }
  ])
  await page.waitForFunction(() => {
    const imgs = Array.from(document.querySelectorAll('.xdetail__thumb img, img.xdetail__thumb')) as HTMLImageElement[]
    return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0)
  })
  const got = await callAs<{ receipts: Array<{ contentType: string; bytes: number }> }>(world, 'getExpense', { groupId: group.id, expenseId }, token)
  expect(got.receipts.map((r) => r.contentType)).toEqual(['image/jpeg', 'image/jpeg'])
  expect(got.receipts.every((r) => r.bytes > 0 && r.bytes < png.length)).toBe(true)
  await shot(page, '61-receipts-zh')
  await context.close()
})
