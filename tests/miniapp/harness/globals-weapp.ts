/**
 * `wx` as the WeChat client gives it to a mini-program: the APIs this app uses, with WeChat's option names,
 * result shapes and failure messages. Server-side parts (code2Session, WeChat Pay) are the local function's business;
 * the wallet sheet is the harness's wallet.
 */
import { createApiKit, encodeRequest, parseBody, type Api, type Options, type RealmTools } from './api-kit'
import { clone, commonStorage, commonSystem, fileSystemManager, navigation, phoneScreen, USER_DATA_PATH } from './globals-common'
import type { PlatformHost } from './host'
import { PlatformError } from './callbacks'

export const weappSystemInfo = {
  brand: 'devtools',
  model: 'iPhone 13',
  ...phoneScreen,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'devtools',
  SDKVersion: '3.6.0',
  safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 }
}

export function createWx(host: PlatformHost, realm: RealmTools): Record<string, Api> {
  const kit = createApiKit('weapp', host, realm)
  const { storage } = host

  // storage
  kit.sync('setStorageSync', (key: string, data: unknown) => void storage.set(key, clone(data)))
  kit.sync('getStorageSync', (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''))
  kit.sync('removeStorageSync', (key: string) => void storage.delete(key))
  kit.async('getStorage', ({ key }) => {
    if (!storage.has(key)) throw new Error('data not found')
    return { data: clone(storage.get(key)) }
  })
  commonStorage(kit, storage)

  // network: any status code is a success on WeChat; only a failed connection fails
  kit.task('request', (options: Options) => {
    const method = String(options.method ?? 'GET').toUpperCase()
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.header ?? {}) }
    const { url, body } = encodeRequest(options.url, method, options.data, headers)
    const work = host
      .http({ url, method, headers, body, timeoutMs: options.timeout ?? 60000 })
      .then((res) => ({ data: parseBody(res, options.dataType), statusCode: res.status, header: res.headers, cookies: [] }))
    return { work, task: { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {} } }
  })

  // identity and payment
  kit.async('login', () => ({ code: host.loginCode() }))
  kit.async('checkSession', () => undefined)
  kit.async('requestPayment', async (options: Options) => {
    const { success, fail, complete, ...params } = options
    void success
    void fail
    void complete
    for (const key of ['timeStamp', 'nonceStr', 'package', 'paySign']) {
      if (typeof params[key] !== 'string' || params[key] === '') throw new Error(`parameter error: ${key} should be String`)
    }
    await host.wallet.wechat(params)
  })
  kit.async('requestMerchantTransfer', async ({ mchId, appId, package: pkg }) => {
    if (!host.wallet.wechatTransfer) throw new Error('no wallet on this phone')
    await host.wallet.wechatTransfer({ mchId, appId, package: pkg })
  })
  // wx.requestSubscribeMessage: { errMsg, [tmplId]: 'accept' | 'reject' | 'ban' | 'filter' }; the person accepts
  kit.async('requestSubscribeMessage', ({ tmplIds }) => {
    const out: Record<string, unknown> = { errMsg: 'requestSubscribeMessage:ok' }
    for (const id of tmplIds ?? []) out[id] = 'accept'
    return out
  })

  // feedback
  kit.inert('showToast', 'hideToast', 'showLoading', 'hideLoading')
  kit.async('showModal', (o: Options) => {
    const answer = host.modal({ title: o.title, content: o.content, showCancel: o.showCancel !== false, editable: o.editable })
    return { confirm: answer.confirm, cancel: !answer.confirm, ...(o.editable ? { content: answer.content ?? '' } : {}) }
  })
  kit.async('showActionSheet', ({ itemList }) => {
    const tapIndex = host.actionSheet(itemList ?? [])
    if (tapIndex < 0) throw new Error('cancel')
    return { tapIndex }
  })

  // navigation
  navigation(kit, host)

  // page chrome, share, clipboard
  kit.inert(
    'setNavigationBarTitle',
    'setNavigationBarColor',
    'showNavigationBarLoading',
    'hideNavigationBarLoading',
    'setBackgroundColor',
    'setBackgroundTextStyle',
    'stopPullDownRefresh',
    'startPullDownRefresh',
    'pageScrollTo',
    'showShareMenu',
    'hideShareMenu',
    'updateShareMenu',
    'showTabBar',
    'hideTabBar',
    'vibrateShort',
    'vibrateLong',
    'previewImage',
    'saveImageToPhotosAlbum',
    'makePhoneCall',
    'openSetting',
    'reportEvent'
  )
  // The chat's openGId, encrypted with the session_key of the phone's latest sign-in (PlatformAccounts).
  const chatData = (shareTicket: string | undefined) => {
    const data = shareTicket ? (host.groupEnterInfo?.(shareTicket) ?? null) : null
    if (!data) throw new Error('invalid shareTicket')
    return { ...data, cloudID: '' }
  }
  kit.async('getShareInfo', ({ shareTicket }) => chatData(shareTicket))
  kit.async('getGroupEnterInfo', () => chatData(host.launchOptions().shareTicket))
  /**
   * WeChat's privacy gate (base library 2.32.3+): a privacy API called before the person agreed to the privacy guide
   * raises onNeedPrivacyAuthorization(resolve, { referrer }) and waits. resolve({ event: 'agree', buttonId }) lets it
   * run only if the person tapped that agreePrivacyAuthorization button; 'disagree' (or no listener) fails it with
   * errno 104.
   */
  kit.listeners('onNeedPrivacyAuthorization')
  const refused = () => new PlatformError('privacy permission is not authorized', { errno: 104 })
  const privacyGate = async (referrer: string) => {
    const privacy = host.privacy
    if (!privacy || privacy.agreed) return
    const listener = kit.listenersOf('onNeedPrivacyAuthorization').at(-1)
    if (!listener) throw refused()
    const answer = await new Promise<{ event?: string; buttonId?: string }>((resolve) => listener(resolve, kit.toRealm({ referrer })))
    if (answer?.event === 'agree' && privacy.agreed && answer.buttonId === privacy.buttonId) return
    throw refused()
  }
  const privateApi = (name: string, impl: Parameters<typeof kit.async>[1]) => kit.async(name, async (options) => {
    await privacyGate(name)
    return impl(options)
  })
  kit.async('getPrivacySetting', () => ({ needAuthorization: !(host.privacy?.agreed ?? true), privacyContractName: '《分账隐私保护指引》' }))
  privateApi('setClipboardData', ({ data }) => void (host.clipboard.text = String(data)))
  privateApi('getClipboardData', () => ({ data: host.clipboard.text }))
  // a file from a chat (base library 2.5.0+): { tempFiles: [{ path, size, name, type, time }] }
  privateApi('chooseMessageFile', () => {
    const picked = host.pickMessageFiles()
    if (picked.length === 0) throw new Error('chooseMessageFile:fail cancel')
    return { tempFiles: picked.map((p) => ({ path: p.path, size: p.bytes.length, name: p.name, type: 'file', time: Math.floor(Date.now() / 1000) })) }
  })
  // the chat picker for a file: the person sends it (the harness records the call; the file must exist)
  kit.async('shareFileMessage', ({ filePath }) => void host.readFile(String(filePath)))
  kit.async('getSetting', () => ({ authSetting: {} }))
  kit.async('getNetworkType', () => ({ networkType: 'wifi' }))

  // media and files
  privateApi('chooseImage', () => {
    const picked = host.pickImages()
    if (picked.length === 0) throw new Error('cancel')
    return { tempFilePaths: picked.map((p) => p.path), tempFiles: picked.map((p) => ({ path: p.path, size: p.bytes.length })) }
  })
  privateApi('chooseMedia', () => {
    const picked = host.pickImages()
    if (picked.length === 0) throw new Error('cancel')
    return { type: 'image', tempFiles: picked.map((p) => ({ tempFilePath: p.path, size: p.bytes.length, fileType: 'image' })) }
  })
  // wx.compressImage({ src, quality, compressedWidth }) -> { tempFilePath }: a new temp file (the harness keeps the bytes;
  // what the app asked for is in the recorder)
  let compressed = 0
  kit.async('compressImage', ({ src }) => {
    const tempFilePath = `http://tmp/compressed_${++compressed}.jpg`
    host.writeFile?.(tempFilePath, host.readFile(String(src)))
    return { tempFilePath }
  })
  fileSystemManager(kit, host, {
    ok: (data) => ({ errMsg: 'readFile:ok', data }),
    fail: (message) => ({ errMsg: `readFile:fail ${message}` }),
    sync: (data) => data
  })

  // system
  commonSystem(kit, host, weappSystemInfo)
  kit.sync('getAppBaseInfo', () => ({ SDKVersion: weappSystemInfo.SDKVersion, language: 'zh_CN', version: '8.0.50', theme: 'light' }))
  kit.sync('getDeviceInfo', () => ({ brand: 'devtools', model: 'iPhone 13', system: 'iOS 17.0', platform: 'devtools' }))
  kit.sync('getSystemSetting', () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true }))
  kit.sync('getAccountInfoSync', () => ({ miniProgram: { appId: 'wxharness', envVersion: 'develop', version: '' } }))
  kit.sync('nextTick', (fn: () => void) => void Promise.resolve().then(fn))
  kit.listeners('onPageNotFound', 'onWindowResize', 'offWindowResize')
  // wx.env: Taro copies it to Taro.env
  ;(kit.api as Record<string, unknown>).env = kit.toRealm({ USER_DATA_PATH: USER_DATA_PATH.weapp })
  return kit.api
}
