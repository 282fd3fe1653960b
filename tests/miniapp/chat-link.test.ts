/**
 * The WeChat chat a ledger was shared to, in the compiled weapp bundle: a friend opens the invite card in a group
 * chat (a shareTicket), joins, and the app links the ledger to that chat (wx.getGroupEnterInfo -> linkChat); opened
 * again from a card in that chat, the home page lists that chat's ledger first (groupsForChat). The chat data is
 * encrypted with the session_key WeChat (PlatformAccounts) issued at the phone's own sign-in.
 */
import { readBundle, textContent, type MiniApp } from './harness'
import { startFunction, type LocalFunction } from './harness/function'
import { phone } from './support/phone'
import { clientId, signInAs } from './support/seed'

jest.setTimeout(90_000)

describe('a ledger shared to a WeChat group chat', () => {
  let fn: LocalFunction
  let bob: MiniApp
  let orgToken: string
  let groupId: string
  let inviteToken: string
  const CHAT = 'tGCampingChat01'

  beforeAll(async () => {
    fn = await startFunction()
    orgToken = await signInAs(fn, 'wechat', 'wx-organizer')
    groupId = (await fn.call<{ group: { id: string } }>('createGroup', { clientId: clientId(), name: '周末露营' }, orgToken)).group.id
    inviteToken = (await fn.call<{ token: string }>('createInvite', { groupId, clientId: clientId() }, orgToken)).token
    // Bob's own ledger, newer than the camping one (the home page lists newest first).
    const bobToken = await signInAs(fn, 'wechat', 'wx-bob')
    await new Promise((r) => setTimeout(r, 10))
    await fn.call('createGroup', { clientId: clientId(), name: '我的账本' }, bobToken)
  })
  afterAll(async () => {
    bob?.close()
    await fn?.close()
  })

  const chats = async () => (await fn.call<{ group: { chats?: number } }>('getGroup', { groupId }, orgToken)).group.chats
  const names = () => bob.page.getAllByClass('gcard__name').map((n) => textContent(n).trim())

  it('joining from the invite card in the chat links the ledger to that chat', async () => {
    bob = phone(fn, readBundle('weapp'), 'wx-bob')
    await bob.start()
    expect(await chats()).toBe(0)
    const join = await bob.openShareCard(`/pages/join/index?token=${inviteToken}`, { shareTicket: fn.accounts.shareTicket('wx-bob', CHAT) })
    await bob.waitForText('周末露营')
    await bob.waitFor(() => join.getByText('作为新成员加入', { tag: 'button' }))
    join.tap('作为新成员加入')
    await bob.waitForPage('pages/group/index')
    await bob.waitFor(async () => (await chats()) === 1)
    expect(bob.recorder.of('getGroupEnterInfo').length).toBeGreaterThan(0)
  })

  it('opened from a card in that chat, the home page lists the chat’s ledger first', async () => {
    await bob.openShareCard('/pages/index/index')
    await bob.waitFor(() => names().length === 2)
    expect(names()).toEqual(['我的账本', '周末露营'])

    await bob.openShareCard('/pages/index/index', { shareTicket: fn.accounts.shareTicket('wx-bob', CHAT) })
    await bob.waitFor(() => names()[0] === '周末露营')
    expect(names()).toEqual(['周末露营', '我的账本'])

    // A card from another chat: no ledger of Bob's is linked there, so the order is the usual one.
    await bob.openShareCard('/pages/index/index', { shareTicket: fn.accounts.shareTicket('wx-bob', 'tGOtherChat02') })
    await bob.waitFor(() => names()[0] === '我的账本')
    expect(names()).toEqual(['我的账本', '周末露营'])
  })
})
