/**
 * The function's error replies reach the person on both platforms. WeChat delivers any HTTP status to the request's
 * success callback; Alipay calls fail with error 19 for a non-2xx status (carrying status and data), so the bundle's
 * transport must read the error body on both. A revoked invite's share card opens the join page saying why.
 */
import { readBundle } from './harness'
import { phone, providerOf } from './support/phone'
import { clientId, signInAs } from './support/seed'
import { functionPerSuite } from './support/suite'

jest.setTimeout(60_000)

describe.each(['weapp', 'alipay'] as const)('%s: an error reply from the function', (target) => {
  const suite = functionPerSuite()

  it('a revoked invite shows "这个邀请已经作废" (409 INVITE_REVOKED), not a generic failure', async () => {
    const { fn } = suite
    const token = await signInAs(fn, providerOf(target), `${target}-organizer`, '小明')
    const { group } = await fn.call<{ group: { id: string } }>('createGroup', { clientId: clientId(), name: '露营', placeholders: ['小红'] }, token)
    const invite = await fn.call<{ inviteId: string; token: string }>('createInvite', { groupId: group.id, clientId: clientId() }, token)
    await fn.call('revokeInvite', { groupId: group.id, clientId: clientId(), inviteId: invite.inviteId }, token)

    const app = (suite.app = phone(fn, readBundle(target), `${target}-friend`))
    await app.start()
    const join = await app.openShareCard(`/pages/join/index?token=${invite.token}`)
    await app.waitForText('邀请已失效')
    // the request really came back as a 409 with the function's error body
    const previews = app.recorder.options<{ data: { action: string } }>('request').filter((r) => r.data.action === 'previewInvite')
    expect(previews).toHaveLength(1)
    expect(join.text()).toContain('这个邀请已经作废')
  })
})
