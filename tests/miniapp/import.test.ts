/**
 * A new group from an export, on the compiled bundles of both targets: WeChat picks the file from a chat
 * (chooseMessageFile), Alipay reads what the person copied (its mini-programs cannot open files). The page shows what
 * the file is and who is in it; the person says which one is them; the function imports it whole, with the file's
 * balances; a bad file is refused naming the line, and no group is made.
 */
import fs from 'node:fs'
import path from 'node:path'
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }
const csv = fs.readFileSync(path.join(__dirname, '../cloud/fixtures/splitwise-export.csv'), 'utf8')

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()

  async function openNewGroup(subject: string) {
    suite.app?.close()
    const app = (suite.app = phone(suite.fn, readBundle(target), subject, { launch: { path: 'pages/group-new/index' } }))
    await app.start()
    const page = await app.waitForText('从导出文件新建')
    return { app, page }
  }
  const hand = (app: { pickMessageFile(n: string, b: Buffer): void; copy(t: string): void }, name: string, text: string) =>
    target === 'weapp' ? app.pickMessageFile(name, Buffer.from(text, 'utf8')) : app.copy(text)
  const pickLabel = target === 'weapp' ? '选择文件' : '粘贴复制的内容'

  test('a Splitwise CSV becomes a group with its people, me in my own place, and its balances', async () => {
    const subject = `${target}-import`
    const token = await signInAs(suite.fn, providerOf(target), subject, '张伟')
    const { app, page } = await openNewGroup(subject)
    hand(app, 'splitwise-export.csv', csv)
    page.tap(pickLabel)
    await app.waitForText('Splitwise 导出 · 3 人')
    if (target === 'weapp') expect(page.text()).toContain('splitwise-export.csv')
    page.tap('张伟')
    await app.settle()
    page.tap('导入为新账本')
    const group = await app.waitForPage('pages/group/index')
    const sent = app.recorder.options<Request>('request').filter((r) => r.data.action === 'importGroup').map((r) => r.data.input)
    expect(sent).toEqual([{ clientId: expect.any(String), format: 'splitwise', content: csv, me: '张伟' }])
    await app.waitForText('应收')
    // the footer's balances: 张伟 is owed 164.83
    expect(group.text()).toContain('¥164.83')
    const { items } = await suite.fn.call<{ items: Array<{ id: string }> }>('listGroups', {}, token)
    const { group: made } = await suite.fn.call<{ group: { members: Array<{ id: string; name: string }>; balances: Record<string, number>; me: string } }>('getGroup', { groupId: items[0]!.id }, token)
    const byName = Object.fromEntries(made.members.map((m) => [m.name, made.balances[m.id]]))
    expect(byName).toEqual({ 张伟: 16483, 李娜: -9967, Bob: -6516 })
    expect(made.members.find((m) => m.id === made.me)!.name).toBe('张伟')
    expect(app.errors).toEqual([])
  })

  test('a bad line is named and nothing is imported', async () => {
    const subject = `${target}-import-bad`
    const token = await signInAs(suite.fn, providerOf(target), subject, '李娜')
    const { app, page } = await openNewGroup(subject)
    const bad = csv.replace('45.50,CNY,-15.17', '45.5x,CNY,-15.17')
    hand(app, 'bad.csv', bad)
    page.tap(pickLabel)
    await app.waitForText('Splitwise 导出 · 3 人')
    page.tap('导入为新账本')
    await app.waitForText('文件无法导入，请按提示修改对应的行')
    expect(page.text()).toMatch(/Line 4/)
    const { items } = await suite.fn.call<{ items: unknown[] }>('listGroups', {}, token)
    expect(items).toEqual([])

    // something that is not an export at all is said so on the phone
    hand(app, 'notes.txt', 'hello')
    page.tap(pickLabel)
    await app.waitForText('看不出这是哪种文件：请选择本应用导出的 JSON 或 Splitwise 导出的 CSV')
    expect(app.errors).toEqual([])
  })
})
