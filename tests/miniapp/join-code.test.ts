/**
 * Joining with a code, in the compiled bundles of both targets: no web link opens a mini-program, so the invite page
 * copies an invitation with the join code; a friend who has no group yet taps 用邀请码加入 on the home page, pastes the
 * whole message, sees the group and joins it. A message without a code, and a revoked code, say so on the form.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, seedGroup, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(90_000)

describe.each(['weapp', 'alipay'] as const)('%s', (target) => {
  const suite = functionPerSuite()

  test('a friend pastes the copied invitation and joins', async () => {
    const owner = await seedGroup(suite.fn, { provider: providerOf(target), subject: `${target}-code-owner`, name: '小王' }, { name: '周末露营', friends: [], expenses: 1 })
    const { token } = await suite.fn.call<{ token: string }>('createInvite', { groupId: owner.groupId, clientId: clientId() }, owner.token)
    const invitation = `小王 邀请你加入「周末露营」：打开「分账」小程序，点首页的「用邀请码加入」，粘贴这段话或输入邀请码 ${token}`

    await signInAs(suite.fn, providerOf(target), `${target}-code-friend`, '小李')
    const app = (suite.app = phone(suite.fn, readBundle(target), `${target}-code-friend`))
    await app.start()
    await app.waitForText('用邀请码加入')
    app.page.tap('用邀请码加入')
    const join = await app.waitForPage('pages/join/index')
    await app.waitForText('查看账本')

    join.input('邀请或邀请码', '没有邀请码的一句话')
    await app.settle()
    join.tap('查看账本')
    await app.waitForText('这里面没有邀请码')

    join.input('邀请或邀请码', invitation)
    await app.settle()
    join.tap('查看账本')
    await app.waitForText('作为新成员加入')
    expect(join.text()).toContain('周末露营')
    const previews = app.recorder.options<{ data: { action: string; input: { token: string } } }>('request').filter((r) => r.data.action === 'previewInvite')
    expect(previews.map((r) => r.data.input.token)).toEqual([token])
    join.tap('作为新成员加入')
    await app.waitForPage('pages/group/index')
    const group = await suite.fn.call<{ group: { members: Array<{ name: string }> } }>('getGroup', { groupId: owner.groupId }, owner.token)
    expect(group.group.members.map((m) => m.name)).toContain('小李')
    expect(app.errors).toEqual([])
  })
})
