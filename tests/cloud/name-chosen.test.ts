/**
 * Whether a person chose their name: a WeChat sign-in without one gets "微信用户" and `nameChosen: false` until a
 * name is saved; a sign-in with a name, or a later one, keeps what was chosen.
 */
import { cid, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness({
    env: { WECHAT_APP_ID: 'wxsandbox00000001', WECHAT_APP_SECRET: 'sandbox-secret' },
    identity: {
      // WeChat's sign-in server cannot run here: code2Session answers the code's openid
      fetch: async (url: string) => ({ ok: true, status: 200, json: async () => ({ openid: `o-${new URL(url).searchParams.get('js_code')}`, session_key: 'k' }) })
    }
  })
})
afterAll(() => h.close())

test('the default name is not a chosen one; saving a name is', async () => {
  const first = await h.ok('signIn', { provider: 'wechat', code: 'code-new-user' })
  expect(first.user).toMatchObject({ name: '微信用户', nameChosen: false })
  const again = await h.ok('signIn', { provider: 'wechat', code: 'code-new-user' })
  expect(again.user.nameChosen).toBe(false)
  const saved = await h.ok('setWallet', { clientId: cid(), name: '小李' }, first.token)
  expect(saved.user).toMatchObject({ name: '小李', nameChosen: true })
  // signing in again (no name from the platform) keeps it
  const later = await h.ok('signIn', { provider: 'wechat', code: 'code-new-user' })
  expect(later.user).toMatchObject({ name: '小李', nameChosen: true })
  expect((await h.ok('getMe', {}, later.token)).user.nameChosen).toBe(true)
})

test('a name given at sign-in is chosen; changing only the wallet does not choose one', async () => {
  const named = await h.ok('signIn', { provider: 'wechat', code: 'code-named', name: 'Ann' })
  expect(named.user).toMatchObject({ name: 'Ann', nameChosen: true })
  const plain = await h.ok('signIn', { provider: 'wechat', code: 'code-plain' })
  const wallet = await h.ok('setWallet', { clientId: cid(), wallet: 'cash' }, plain.token)
  expect(wallet.user).toMatchObject({ name: '微信用户', nameChosen: false })
})
