/**
 * Group settings in the compiled bundles of both targets: from the group header to the settings page (a
 * subpackage), a new name and cover saved with the exact updateGroup the function gets, the group page showing it
 * on return, and a placeholder renamed.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, seedGroup, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

type Request = { data: { action: string; input: Record<string, unknown> } }

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()
  const subject = `${target}-settings`

  /** The phone of `who`, from the home page through the group called `name` to its settings page. */
  async function openSettings(who: string, name: string) {
    suite.app?.close()
    const app = (suite.app = phone(suite.fn, readBundle(target), who))
    await app.start()
    await app.waitForText(name)
    app.page.tap(name)
    await app.waitForPage('pages/group/index')
    await app.waitForText('设置')
    app.page.tap('设置')
    return { app, settings: await app.waitForPage('pages/group-settings/index') }
  }

  test('rename the group and a placeholder from the settings page', async () => {
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject, name: '小王' }, { name: '周末露营', friends: ['小虹'], expenses: 0 })
    const { app, settings } = await openSettings(subject, '周末露营')
    await app.waitForText('保存设置')
    expect(settings.text()).toContain('小虹')

    const [nameInput] = settings.getAllByTag('input')
    settings.input(nameInput!, '周末徒步')
    settings.tap('🎿')
    await app.settle()
    settings.tap('保存设置')
    const sent = () => app.recorder.options<Request>('request').filter((r) => r.data.action === 'updateGroup')
    await app.waitFor(() => sent().length === 1)
    expect(sent()[0]!.data.input).toEqual({ groupId: seeded.groupId, clientId: expect.any(String), expectedVersion: expect.any(Number), name: '周末徒步', emoji: '🎿' })
    await app.waitFor(() => app.recorder.options<{ title?: string; content?: string }>('showToast').some((o) => (o.title ?? o.content) === '已保存'))

    // a placeholder's own name field and its rename button
    const inputs = settings.getAllByTag('input')
    settings.input(inputs[1]!, '小红')
    await app.settle()
    settings.tap('改名')
    await app.waitFor(() => app.recorder.options<Request>('request').some((r) => r.data.action === 'renameMember'))
    const rename = app.recorder.options<Request>('request').find((r) => r.data.action === 'renameMember')!
    expect(rename.data.input).toMatchObject({ groupId: seeded.groupId, name: '小红' })

    const group = await app.back()
    await app.waitFor(() => group.text().includes('周末徒步'))
    expect(group.text()).toContain('🎿')
    const fresh = await suite.fn.call<{ group: { name: string; emoji: string; members: Array<{ name: string }> } }>('getGroup', { groupId: seeded.groupId }, seeded.token)
    expect(fresh.group).toMatchObject({ name: '周末徒步', emoji: '🎿' })
    expect(fresh.group.members.map((m) => m.name)).toContain('小红')
    expect(app.errors).toEqual([])
  })

  test('the organizer hands the role to a friend who joined, confirming in the platform dialog', async () => {
    const seeded = await seedGroup(suite.fn, { provider: providerOf(target), subject: `${subject}-org`, name: '小王' }, { name: '周末火锅', friends: [], expenses: 0 })
    const { token } = await suite.fn.call<{ token: string }>('createInvite', { groupId: seeded.groupId, clientId: clientId() }, seeded.token)
    const friend = await signInAs(suite.fn, 'wechat', `${subject}-friend`, '阿明')
    const friendM = (await suite.fn.call<{ group: { me: string } }>('joinGroup', { clientId: clientId(), token }, friend)).group.me
    const { app, settings } = await openSettings(`${subject}-org`, '周末火锅')
    await app.waitForText('交给 TA')
    app.answerDialog({ confirm: true })
    settings.tap('交给 TA')
    await app.waitFor(() => app.recorder.options<Request>('request').some((r) => r.data.action === 'handOverOrganizer'))
    const dialog = app.recorder.last<{ title?: string; content?: string }>(target === 'weapp' ? 'showModal' : 'confirm')!
    expect(dialog.title).toBe('把组织者交给 阿明？')
    expect(app.recorder.options<Request>('request').find((r) => r.data.action === 'handOverOrganizer')!.data.input).toMatchObject({ groupId: seeded.groupId, memberId: friendM })
    await app.waitFor(() => settings.queryByText('交给 TA') === null)
    const roles = (await suite.fn.call<{ group: { members: Array<{ id: string; role: string }> } }>('getGroup', { groupId: seeded.groupId }, friend)).group.members
    expect(roles.find((m) => m.id === friendM)!.role).toBe('organizer')
    expect(app.errors).toEqual([])
  })
})
