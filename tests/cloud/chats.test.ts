/**
 * WeChat group chats over HTTP: the session_key from code2Session stays on the server and decrypts the
 * getGroupEnterInfo data the app sends (encrypted here with Node crypto exactly as WeChat does: AES-128-CBC,
 * PKCS#7, base64 key and iv); linkChat links a group to the chat's openGId, groupsForChat finds my groups of a
 * chat. Forged, stale, foreign-app and non-member requests are refused and write nothing. Only WeChat's
 * code2Session server is a double.
 */
import { createCipheriv, randomBytes } from 'node:crypto'
import { cid, startHarness, type Harness } from './harness'

const APP_ID = 'wx1234567890abcdef'

/** What WeChat sends for getGroupEnterInfo: {"openGId", "watermark"} under the user's session_key. */
function encrypt(sessionKey: string, payload: unknown, iv = randomBytes(16)): { encryptedData: string; iv: string } {
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv)
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  return { encryptedData: data.toString('base64'), iv: iv.toString('base64') }
}

const chatPayload = (openGId: string, opts: { appid?: string; at?: number } = {}) => ({
  openGId,
  watermark: { timestamp: Math.floor((opts.at ?? Date.now()) / 1000), appid: opts.appid ?? APP_ID }
})

describe('linkChat and groupsForChat', () => {
  let h: Harness
  /** code -> { openid, session_key } the code2Session double answers with. */
  const codes = new Map<string, { openid: string; sessionKey: string }>()
  const signIn = async (openid: string) => {
    const code = `code-${randomBytes(6).toString('hex')}`
    const sessionKey = randomBytes(16).toString('base64')
    codes.set(code, { openid, sessionKey })
    const reply = await h.api.call('signIn', { provider: 'wechat', code })
    if (!reply.body.ok) throw new Error(JSON.stringify(reply.body))
    expect(JSON.stringify(reply.body)).not.toContain(sessionKey)
    return { ...reply.body.data, sessionKey }
  }
  const codeOf = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'ok' : r.body.error?.code)

  beforeAll(async () => {
    h = await startHarness({
      env: { WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: 'test-secret' },
      identity: {
        fetch: async (url) => {
          const entry = codes.get(new URL(url).searchParams.get('js_code') ?? '')
          const body = entry ? { openid: entry.openid, session_key: entry.sessionKey } : { errcode: 40029, errmsg: 'invalid code' }
          return { ok: true, status: 200, json: async () => body }
        }
      }
    })
  })
  afterAll(() => h?.close())

  test('a member links the group to chats; the count shows in GroupView; a member of the chat finds it', async () => {
    const ann = await signIn('oAnn')
    const bob = await signIn('oBob')
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Trip' }, ann.token)
    expect(group.chats).toBe(0)
    const inv = await h.api.ok('createInvite', { groupId: group.id, clientId: cid() }, ann.token)
    await h.api.ok('joinGroup', { clientId: cid(), token: inv.token }, bob.token)

    const linked = await h.api.ok('linkChat', { groupId: group.id, clientId: cid(), ...encrypt(ann.sessionKey, chatPayload('tGroupChatA')) }, ann.token)
    expect(linked).toEqual({ groupId: group.id, chats: 1 })
    // The same chat again (from another member, with their own key) is still one chat; another chat makes two.
    expect(await h.api.ok('linkChat', { groupId: group.id, clientId: cid(), ...encrypt(bob.sessionKey, chatPayload('tGroupChatA')) }, bob.token)).toEqual({ groupId: group.id, chats: 1 })
    expect((await h.api.ok('linkChat', { groupId: group.id, clientId: cid(), ...encrypt(bob.sessionKey, chatPayload('tGroupChatB')) }, bob.token)).chats).toBe(2)
    expect((await h.api.ok('getGroup', { groupId: group.id }, ann.token)).group.chats).toBe(2)

    // A second group linked to chat A later comes first for Ann; Bob is not in it, so he sees only the first.
    const { group: second } = await h.api.ok('createGroup', { clientId: cid(), name: 'Dinner' }, ann.token)
    await new Promise((r) => setTimeout(r, 5))
    await h.api.ok('linkChat', { groupId: second.id, clientId: cid(), ...encrypt(ann.sessionKey, chatPayload('tGroupChatA')) }, ann.token)
    expect((await h.api.ok('groupsForChat', encrypt(ann.sessionKey, chatPayload('tGroupChatA')), ann.token)).groupIds).toEqual([second.id, group.id])
    expect((await h.api.ok('groupsForChat', encrypt(bob.sessionKey, chatPayload('tGroupChatA')), bob.token)).groupIds).toEqual([group.id])
    expect((await h.api.ok('groupsForChat', encrypt(bob.sessionKey, chatPayload('tGroupChatB')), bob.token)).groupIds).toEqual([group.id])
    expect((await h.api.ok('groupsForChat', encrypt(ann.sessionKey, chatPayload('tOtherChat')), ann.token)).groupIds).toEqual([])
    // Someone in the chat who is not in the group gets nothing.
    const cy = await signIn('oCy')
    expect((await h.api.ok('groupsForChat', encrypt(cy.sessionKey, chatPayload('tGroupChatA')), cy.token)).groupIds).toEqual([])
  })

  test('a retry with the same clientId links once and answers the same', async () => {
    const ann = await signIn('oAnn2')
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Retry' }, ann.token)
    const input = { groupId: group.id, clientId: cid(), ...encrypt(ann.sessionKey, chatPayload('tRetryChat')) }
    const first = await h.api.ok('linkChat', input, ann.token)
    expect(await h.api.ok('linkChat', input, ann.token)).toEqual(first)
    expect((await h.api.ok('getGroup', { groupId: group.id }, ann.token)).group.chats).toBe(1)
  })

  test('each sign-in replaces the session_key: data under the old key is refused', async () => {
    const first = await signIn('oDan')
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Keys' }, first.token)
    const again = await signIn('oDan')
    expect(again.user.id).toBe(first.user.id)
    const old = await h.api.call('linkChat', { groupId: group.id, clientId: cid(), ...encrypt(first.sessionKey, chatPayload('tKeyChat')) }, again.token)
    expect(old.status).toBe(400)
    expect(codeOf(old)).toBe('CHAT_DATA_INVALID')
    expect((await h.api.ok('linkChat', { groupId: group.id, clientId: cid(), ...encrypt(again.sessionKey, chatPayload('tKeyChat')) }, again.token)).chats).toBe(1)
  })

  test('forged, tampered, stale, future and foreign-app data is a 400 CHAT_DATA_INVALID and writes nothing', async () => {
    const eve = await signIn('oEve')
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Guarded' }, eve.token)
    const day = 24 * 60 * 60 * 1000
    const good = encrypt(eve.sessionKey, chatPayload('tGuarded'))
    const tampered = Buffer.from(good.encryptedData, 'base64')
    tampered[tampered.length - 1] ^= 0x5a
    const cases: Record<string, { encryptedData: string; iv: string }> = {
      'another key': encrypt(randomBytes(16).toString('base64'), chatPayload('tGuarded')),
      tampered: { encryptedData: tampered.toString('base64'), iv: good.iv },
      'wrong iv': { encryptedData: good.encryptedData, iv: randomBytes(16).toString('base64') },
      'another app': encrypt(eve.sessionKey, chatPayload('tGuarded', { appid: 'wx0000000000000000' })),
      'a day old': encrypt(eve.sessionKey, chatPayload('tGuarded', { at: Date.now() - day - 60_000 })),
      'a day ahead': encrypt(eve.sessionKey, chatPayload('tGuarded', { at: Date.now() + day + 60_000 })),
      'no watermark': encrypt(eve.sessionKey, { openGId: 'tGuarded' }),
      'no openGId': encrypt(eve.sessionKey, { watermark: chatPayload('x').watermark }),
      'not JSON': (() => {
        const iv = randomBytes(16)
        const c = createCipheriv('aes-128-cbc', Buffer.from(eve.sessionKey, 'base64'), iv)
        return { encryptedData: Buffer.concat([c.update('openGId=tGuarded'), c.final()]).toString('base64'), iv: iv.toString('base64') }
      })(),
      'not base64': { encryptedData: '%%%not-base64%%%', iv: good.iv },
      'short iv': { encryptedData: good.encryptedData, iv: 'AAAA' },
      'not whole blocks': { encryptedData: Buffer.from('0123456789').toString('base64'), iv: good.iv }
    }
    const before = await h.snapshot()
    for (const [name, data] of Object.entries(cases)) {
      const link = await h.api.call('linkChat', { groupId: group.id, clientId: cid(), ...data }, eve.token)
      const find = await h.api.call('groupsForChat', data, eve.token)
      expect([name, link.status, codeOf(link)]).toEqual([name, 400, 'CHAT_DATA_INVALID'])
      expect([name, find.status, codeOf(find)]).toEqual([name, 400, 'CHAT_DATA_INVALID'])
    }
    expect(await h.snapshot()).toEqual(before)
    // The good data still links (the refusals were about the data, not the group).
    expect((await h.api.ok('linkChat', { groupId: group.id, clientId: cid(), ...good }, eve.token)).chats).toBe(1)
  })

  test('a non-member cannot link a group; a user without a WeChat sign-in has no chat data', async () => {
    const ann = await signIn('oAnn3')
    const mallory = await signIn('oMallory')
    const { group } = await h.api.ok('createGroup', { clientId: cid(), name: 'Private' }, ann.token)
    const before = await h.snapshot()
    const r = await h.api.call('linkChat', { groupId: group.id, clientId: cid(), ...encrypt(mallory.sessionKey, chatPayload('tMallory')) }, mallory.token)
    expect(r.status).toBe(403)
    expect(codeOf(r)).toBe('NOT_MEMBER')
    expect(await h.snapshot()).toEqual(before)

    const dev = await h.signIn('Devon')
    const { group: devGroup } = await h.api.ok('createGroup', { clientId: cid(), name: 'Dev' }, dev.token)
    const d = await h.api.call('linkChat', { groupId: devGroup.id, clientId: cid(), ...encrypt(ann.sessionKey, chatPayload('tDev')) }, dev.token)
    expect([d.status, codeOf(d)]).toEqual([400, 'CHAT_DATA_INVALID'])
    expect((await h.api.call('groupsForChat', encrypt(ann.sessionKey, chatPayload('tDev')))).status).toBe(401)
  })
})

describe("WeChat's published decryption example", () => {
  // The example of the mini-program documentation (open data signature and decryption): app
  // wx4f4bc4dec97d474b, session_key tiihtNczf5v6AKRyjwEUhQ==; its plaintext is a user profile stamped 1477314187.
  const DEMO = {
    appId: 'wx4f4bc4dec97d474b',
    sessionKey: 'tiihtNczf5v6AKRyjwEUhQ==',
    iv: 'r7BXXKkLb8qrSNn05n0qiA==',
    encryptedData:
      'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew=='
  }

  test('decrypts to the published plaintext', async () => {
    const { decryptWechatData, checkWatermark } = await import('../../cloud/auth/wechat-data')
    const data = decryptWechatData(DEMO.sessionKey, DEMO.encryptedData, DEMO.iv)
    expect(data).toMatchObject({
      openId: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE',
      nickName: 'Band',
      gender: 1,
      language: 'zh_CN',
      city: 'Guangzhou',
      province: 'Guangdong',
      country: 'CN',
      unionId: 'ocMvos6NjeKLIBqg5Mr9QjxrP1FA',
      watermark: { timestamp: 1477314187, appid: DEMO.appId }
    })
    expect(() => checkWatermark(data, DEMO.appId, new Date(1477314187_000 + 60_000))).not.toThrow()
    expect(() => checkWatermark(data, DEMO.appId, new Date())).toThrow(/too old/)
    expect(() => checkWatermark(data, 'wx0000000000000000', new Date(1477314187_000))).toThrow(/another app/)
  })

  test('over HTTP, with the clock at the example time, the data passes decryption and watermark and lacks only an openGId', async () => {
    let now = new Date(1477314187_000 + 3_600_000)
    const h = await startHarness({
      clock: () => now,
      env: { WECHAT_APP_ID: DEMO.appId, WECHAT_APP_SECRET: 'demo-secret' },
      identity: { fetch: async () => ({ ok: true, status: 200, json: async () => ({ openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE', session_key: DEMO.sessionKey }) }) }
    })
    try {
      const { token } = await h.api.ok('signIn', { provider: 'wechat', code: 'demo-code' })
      const r = await h.api.call('groupsForChat', { encryptedData: DEMO.encryptedData, iv: DEMO.iv }, token)
      expect(r.status).toBe(400)
      expect(r.body.ok === false && r.body.error.details).toEqual({ reason: 'no openGId' })
      now = new Date(1477314187_000 + 2 * 24 * 3_600_000)
      const late = await h.api.call('groupsForChat', { encryptedData: DEMO.encryptedData, iv: DEMO.iv }, token)
      expect(late.body.ok === false && late.body.error.details).toEqual({ reason: 'watermark too old' })
    } finally {
      await h.close()
    }
  })
})
