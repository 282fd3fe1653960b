/**
 * The person's rights on the compiled bundles, from the Me page: export my data (WeChat writes the JSON file to the
 * user data folder and offers it with shareFileMessage, which needs a tap of its own; Alipay copies it), and delete my
 * account after a confirmation that says what happens (the function refuses while I owe; afterwards the phone is
 * signed out and a new sign-in is a new, empty account). Uncaught errors of the app are reported, scrubbed, and the
 * person is told calmly with the reference.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Req = { data: { action: string; input: Record<string, unknown> } }
const requests = (app: { recorder: { options<T>(api: string): T[] } }, action: string) => app.recorder.options<Req>('request').filter((r) => r.data.action === action)
const toasts = (app: { recorder: { options<T>(api: string): T[] } }) => app.recorder.options<{ title: string }>('showToast').map((t) => t.title)

describe.each(['weapp', 'alipay'] as const)('%s: my data from the Me page', (target) => {
  const suite = functionPerSuite()

  it('exports everything about me as one JSON file, handed over by a second tap', async () => {
    const { fn } = suite
    const subject = `${target}-export`
    const token = await signInAs(fn, providerOf(target), subject, '小周')
    await fn.call('createGroup', { clientId: clientId(), name: '导出测试', placeholders: ['阿强'] }, token)
    const app = (suite.app = phone(fn, readBundle(target), subject, { launch: { path: 'pages/me/index' }}))
    await app.start()
    const me = await app.waitForText('准备导出')
    me.tap('准备导出')
    await app.waitForText('发送文件')
    expect(requests(app, 'exportMyData')).toHaveLength(1)
    app.page.tap('发送文件')
    await app.settle()
    let content: string
    if (target === 'weapp') {
      const [share] = app.recorder.options<{ filePath: string; fileName: string }>('shareFileMessage')
      expect(share!.filePath).toMatch(/^wxfile:\/\/usr\/splitpay-my-data-\d{4}-\d\d-\d\d\.json$/)
      expect(share!.fileName).toBe(share!.filePath.slice('wxfile://usr/'.length))
      content = app.fileAt(share!.filePath)!.toString('utf8')
      expect(toasts(app)).toContain('已发送')
    } else {
      const [copy] = app.recorder.options<{ text: string }>('setClipboard')
      content = copy!.text
      expect(toasts(app)).toContain('已复制，可粘贴到备忘录或聊天中保存')
    }
    const data = JSON.parse(content) as { user: { name: string }; memberships: { groupName: string }[] }
    expect(data.user.name).toBe('小周')
    expect(data.memberships.map((m) => m.groupName)).toEqual(['导出测试'])
  })

  it('deletes my account after the confirmation; refused while I owe; a new sign-in is a new account', async () => {
    const { fn } = suite
    const subject = `${target}-leaving`
    const token = await signInAs(fn, providerOf(target), subject, '小吴')
    const friendToken = await signInAs(fn, providerOf(target), `${target}-friend`, '小郑')
    const { group } = await fn.call<{ group: { id: string; me: string } }>('createGroup', { clientId: clientId(), name: '散伙饭' }, friendToken)
    const { token: invite } = await fn.call<{ token: string }>('createInvite', { groupId: group.id, clientId: clientId() }, friendToken)
    const joined = (await fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token: invite }, token)).group
    await fn.call('addExpense', { clientId: clientId(), groupId: group.id, expense: { id: clientId(), amount: 10000, paidBy: { [group.me]: 10000 }, split: { mode: 'shares', shares: { [group.me]: 1, [joined.me]: 1 } } }, description: '烧烤', category: 'food' }, friendToken)

    const app = (suite.app = phone(fn, readBundle(target), subject, { launch: { path: 'pages/me/index' } }))
    await app.start()
    const me = await app.waitForText('注销账号')
    app.answerDialog({ confirm: true })
    me.tap(me.queryAllByText('注销账号').at(-1)!)
    await app.settle()
    expect(app.dialogs.at(-1)!.content).toContain('已注销用户')
    expect(requests(app, 'deleteAccount')).toHaveLength(1)
    expect(toasts(app)).toContain('你在账本里还有未结清的余额，结清后才能注销')

    // settled: the friend records my payment and confirms it
    const { payment } = await fn.call<{ payment: { id: string } }>('recordPayment', { clientId: clientId(), groupId: group.id, from: joined.me, to: group.me, amount: 5000, method: 'cash' }, token)
    await fn.call('confirmPayment', { clientId: clientId(), groupId: group.id, paymentId: payment.id }, friendToken)

    app.answerDialog({ confirm: true })
    app.page.tap(app.page.queryAllByText('注销账号').at(-1)!)
    await app.waitForPage('pages/index/index')
    await app.settle()
    expect(toasts(app)).toContain('账号已注销')
    const deleted = requests(app, 'deleteAccount')
    expect(deleted).toHaveLength(2)
    expect(deleted[1]!.data.input.confirm).toBe('DELETE')
    const view = await fn.call<{ group: { members: { id: string; name: string }[] } }>('getGroup', { groupId: group.id }, friendToken)
    expect(view.group.members.find((m) => m.id === joined.me)!.name).toBe('已注销用户')
    // the phone signed in again (silently, as the mini-programs do): a new account with no groups
    const signIns = requests(app, 'signIn')
    expect(signIns.length).toBeGreaterThanOrEqual(2)
    expect(app.page.text()).not.toContain('散伙饭')
  })
})

describe('weapp: an uncaught error', () => {
  const suite = functionPerSuite()

  it('is reported without personal data and told calmly with its reference', async () => {
    const { fn } = suite
    await signInAs(fn, 'wechat', 'fault', '小冯')
    const app = (suite.app = phone(fn, readBundle('weapp'), 'fault'))
    await app.start()
    await app.settle()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      for (const listener of app.listeners.get('onError') ?? []) listener('TypeError: Cannot read "小冯" of 12345\n    at render (app.js:1:2)')
      await app.waitFor(() => requests(app, 'reportFault').length === 1)
      await app.settle()
      const [report] = requests(app, 'reportFault')
      expect(report!.data.input).toMatchObject({ kind: 'error', message: 'TypeError: Cannot read "…" of 0', platform: 'weapp', route: 'pages/index/index' })
      const logged = warn.mock.calls.map((c) => String(c[0])).join('\n')
      const id = /"request":"(r[0-9a-f]{12})"/.exec(logged)?.[1]
      expect(id).toBeDefined()
      expect(toasts(app)).toContain(`出错了，请重试 (问题编号：${id})`)
    } finally {
      warn.mockRestore()
    }
  })
})
