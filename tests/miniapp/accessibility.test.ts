/**
 * What WeChat's and Alipay's screen readers get from the compiled bundles: the templates carry aria-label and
 * aria-role (config/aria-plugin.ts), so an avatar's initial is announced as the person, an amount in words, and a
 * form control by its label.
 */
import { readBundle, type ViewNode } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(60_000)

function* walk(node: ViewNode): Generator<ViewNode> {
  yield node
  for (const child of node.children) yield* walk(child)
}

describe.each(['weapp', 'alipay'] as const)('%s: names for screen readers', (target) => {
  const suite = functionPerSuite()

  it('avatars and amounts carry aria-label and aria-role: the person, the amount in words', async () => {
    const { fn } = suite
    const subject = `${target}-a11y`
    const token = await signInAs(fn, providerOf(target), subject, '小秦')
    const { group } = await fn.call<{ group: { id: string; me: string; members: { id: string; name: string }[] } }>('createGroup', { clientId: clientId(), name: '读屏', placeholders: ['阿宁'] }, token)
    const other = group.members.find((m) => m.name === '阿宁')!.id
    await fn.call('addExpense', { clientId: clientId(), groupId: group.id, expense: { id: clientId(), amount: 4560, paidBy: { [group.me]: 4560 }, split: { mode: 'shares', shares: { [group.me]: 1, [other]: 1 } } }, description: '咖啡', category: 'food' }, token)

    const app = (suite.app = phone(fn, readBundle(target), subject, { launch: { path: `pages/group/index?id=${group.id}` } }))
    await app.start()
    const page = await app.waitForText('咖啡')
    await app.settle()
    const nodes = [...walk(page.tree())]
    const labelled = (label: string) => nodes.filter((n) => n.attrs['aria-label'] === label)
    // the expense's amount and my balance, in words
    expect(labelled('45.60元').length).toBeGreaterThan(0)
    expect(labelled('22.80元').length).toBeGreaterThan(0)
    expect(labelled('我的份额 22.80元').length).toBe(1)
    const money = nodes.filter((n) => n.className.split(' ').includes('money'))
    expect(money.length).toBeGreaterThan(0)
    for (const m of money) expect([m.attrs['aria-label'], m.attrs['aria-role']]).toEqual([expect.stringMatching(/^负?[\d.]+元$/), 'img'])

    app.page.tap(app.page.getByText('余额'))
    await app.settle()
    const avatars = [...walk(app.page.tree())].filter((n) => n.className.split(' ').includes('avatar'))
    expect(avatars.map((a) => [a.attrs['aria-label'], a.attrs['aria-role']])).toEqual(expect.arrayContaining([['小秦', 'img'], ['阿宁', 'img']]))
  })
})
