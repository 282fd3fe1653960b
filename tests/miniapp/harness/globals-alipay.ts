/**
 * `my` as the Alipay client gives it to a mini-program: Alipay's own names and shapes (getAuthCode, tradePay,
 * confirm/alert/prompt, `{ key }` storage objects, request with `headers`/`status`, a non-2xx response delivered to
 * `fail` with error 19). Taro adapts its calls to these; the recorder shows what actually arrived.
 */
import { createApiKit, encodeRequest, parseBody, type Api, type Options, type RealmTools } from './api-kit'
import { PlatformError } from './callbacks'
import { clone, commonStorage, commonSystem, fileSystemManager, navigation, phoneScreen } from './globals-common'
import type { PlatformHost } from './host'

export const alipaySystemInfo = {
  app: 'alipay',
  brand: 'iPhone',
  model: 'iPhone13,2',
  ...phoneScreen,
  titleBarHeight: 44,
  language: 'zh-Hans',
  version: '10.6.0',
  system: '17.0',
  platform: 'iOS',
  SDKVersion: '2.9.0'
}

export function createMy(host: PlatformHost, realm: RealmTools): Record<string, Api> {
  const kit = createApiKit('alipay', host, realm)
  const { storage } = host

  // storage: Alipay takes `{ key, data }` objects, also in the sync forms, and answers `{ data }` (null when absent)
  kit.sync('setStorageSync', ({ key, data }: { key: string; data: unknown }) => void storage.set(key, clone(data)))
  kit.sync('getStorageSync', ({ key }: { key: string }) => ({ data: storage.has(key) ? clone(storage.get(key)) : null }))
  kit.sync('removeStorageSync', ({ key }: { key: string }) => void storage.delete(key))
  kit.async('getStorage', ({ key }) => ({ data: storage.has(key) ? clone(storage.get(key)) : null }))
  commonStorage(kit, storage)

  // network: Alipay calls `fail` with error 19 for a non-2xx status, carrying status, data and headers
  // my.request defaults to a JSON content type; the older my.httpRequest to a form body
  const request = (defaultType: string) => (options: Options) => {
    const method = String(options.method ?? 'GET').toUpperCase()
    const headers: Record<string, string> = { ...(options.headers ?? {}) }
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = defaultType
    const { url, body } = encodeRequest(options.url, method, options.data, headers)
    const work = host.http({ url, method, headers, body, timeoutMs: options.timeout ?? 30000 }).then((res) => {
      const data = parseBody(res, options.dataType)
      if (res.status < 200 || res.status >= 300) {
        throw new PlatformError('http status error', { error: 19, status: res.status, data, headers: res.headers })
      }
      return { data, status: res.status, headers: res.headers }
    })
    return { work, task: { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} } }
  }
  kit.task('request', request('application/json'))
  kit.task('httpRequest', request('application/x-www-form-urlencoded'))

  // identity and payment
  kit.async('getAuthCode', () => ({ authCode: host.loginCode(), authErrorScopes: {}, authSuccessScopes: ['auth_base'] }))
  kit.async('tradePay', async (options: Options) => {
    if (!options.tradeNO && !options.orderStr) throw new PlatformError('tradeNO or orderStr required', { error: 2 })
    const resultCode = await host.wallet.alipay({ tradeNO: options.tradeNO, orderStr: options.orderStr })
    return { resultCode }
  })
  // my.requestSubscribeMessage: the published success shape (behavior, keep, refuse, show, result, and per id
  // 'accept' | 'reject'); the person accepts every template
  kit.async('requestSubscribeMessage', ({ entityIds }) => {
    const ids: string[] = entityIds ?? []
    const out: Record<string, unknown> = {
      behavior: 'subscribe',
      keep: false,
      refuse: false,
      show: true,
      result: { subscribeEntityIds: ids, subscribedEntityIds: ids, unsubscribedEntityIds: [], currentSubscribedEntityIds: ids }
    }
    for (const id of ids) out[id] = 'accept'
    return out
  })

  // feedback
  kit.inert('showToast', 'hideToast', 'showLoading', 'hideLoading')
  kit.async('confirm', (o: Options) => {
    const answer = host.modal({ title: o.title, content: o.content, showCancel: true })
    return { confirm: answer.confirm }
  })
  kit.async('alert', (o: Options) => {
    host.modal({ title: o.title, content: o.content, showCancel: false })
    return {}
  })
  kit.async('prompt', (o: Options) => {
    const answer = host.modal({ title: o.title, content: o.message, showCancel: true, editable: true })
    return { ok: answer.confirm, inputValue: answer.content ?? '' }
  })
  kit.async('showActionSheet', ({ items }) => ({ index: host.actionSheet(items ?? []) }))

  // navigation
  navigation(kit, host)

  // page chrome, share, clipboard
  kit.inert(
    'setNavigationBar',
    'showNavigationBarLoading',
    'hideNavigationBarLoading',
    'setBackgroundColor',
    'stopPullDownRefresh',
    'startPullDownRefresh',
    'pageScrollTo',
    'showSharePanel',
    'hideShareMenu',
    'showShareMenu',
    'showTabBar',
    'hideTabBar',
    'vibrateShort',
    'vibrateLong',
    'previewImage',
    'saveImage',
    'saveImageToPhotosAlbum',
    'makePhoneCall',
    'openSetting',
    'reportAnalytics'
  )
  kit.async('setClipboard', ({ text }) => void (host.clipboard.text = String(text)))
  kit.async('getClipboard', () => ({ text: host.clipboard.text }))
  kit.async('getSetting', () => ({ authSetting: {} }))
  kit.async('getNetworkType', () => ({ networkAvailable: true, networkType: 'WIFI' }))

  // media and files
  // my.compressImage({ apFilePaths, compressLevel }) -> { apFilePaths }: new files (the harness keeps the bytes)
  let compressed = 0
  kit.async('compressImage', ({ apFilePaths }) => ({
    apFilePaths: (apFilePaths as string[]).map((src) => {
      const path = `https://resource/apml${(++compressed).toString(16).padStart(32, '0')}.image`
      host.writeFile?.(path, host.readFile(String(src)))
      return path
    })
  }))
  kit.async('chooseImage', () => {
    const picked = host.pickImages()
    if (picked.length === 0) throw new PlatformError('user canceled', { error: 11 })
    return { apFilePaths: picked.map((p) => p.path), tempFilePaths: picked.map((p) => p.path) }
  })
  // The user's profile after they agreed in the getAuthorize sheet: the answer is a JSON string (Alipay's shape).
  kit.async('getOpenUserInfo', () => {
    const info = host.openUserInfo?.() ?? null
    const response = info
      ? { code: '10000', msg: 'Success', avatar: info.avatar, nickName: info.nickName, countryCode: 'CN', gender: '', province: '', city: '' }
      : { code: '40006', msg: 'Insufficient Permissions', subCode: 'isv.insufficient-isv-permissions', subMsg: 'ISV权限不足，建议在开发者中心检查对应功能是否已经添加' }
    return { response: JSON.stringify({ response }) }
  })
  kit.async('downloadFile', ({ url }) => {
    try {
      return { apFilePath: host.download!(String(url)), success: true }
    } catch (e) {
      throw new PlatformError((e as Error).message, { error: 12 })
    }
  })
  fileSystemManager(kit, host, {
    ok: (data) => ({ data }),
    fail: (message) => ({ error: 10022, errorMessage: message }),
    sync: (data) => ({ data })
  })

  // system
  commonSystem(kit, host, alipaySystemInfo)
  kit.sync('getAppBaseInfo', () => ({ SDKVersion: alipaySystemInfo.SDKVersion, language: 'zh-Hans', version: '10.6.0' }))
  kit.sync('getDeviceBaseInfo', () => ({ brand: 'iPhone', model: 'iPhone13,2', system: '17.0', platform: 'iOS' }))
  kit.sync('getAccountInfoSync', () => ({ miniProgram: { appId: '2021000000000000', envVersion: 'develop', version: '' } }))
  return kit.api
}
