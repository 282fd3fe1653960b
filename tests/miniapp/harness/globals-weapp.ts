/**
 * `wx` as the WeChat client gives it to a mini-program: the APIs this app uses, with WeChat's option names,
 * result shapes and failure messages. Server-side parts (code2Session, WeChat Pay) are the local function's business;
 * the wallet sheet is the harness's wallet.
 */
import { createApiKit, encodeRequest, parseBody, type Api, type Options, type RealmTools } from './api-kit'
import type { PlatformHost } from './host'

export const weappSystemInfo = {
  brand: 'devtools',
  model: 'iPhone 13',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'devtools',
  SDKVersion: '3.6.0',
  safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 }
}

export function createWx(host: PlatformHost, realm: RealmTools): Record<string, Api> {
  const kit = createApiKit('weapp', host, realm)
  const { toRealm } = realm
  const { storage } = host
  const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

  // storage
  kit.sync('setStorageSync', (key: string, data: unknown) => void storage.set(key, clone(data)))
  kit.sync('getStorageSync', (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''))
  kit.sync('removeStorageSync', (key: string) => void storage.delete(key))
  kit.sync('clearStorageSync', () => storage.clear())
  kit.sync('getStorageInfoSync', () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }))
  kit.async('setStorage', ({ key, data }) => void storage.set(key, clone(data)))
  kit.async('getStorage', ({ key }) => {
    if (!storage.has(key)) throw new Error('data not found')
    return { data: clone(storage.get(key)) }
  })
  kit.async('removeStorage', ({ key }) => void storage.delete(key))
  kit.async('clearStorage', () => storage.clear())
  kit.async('getStorageInfo', () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }))

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
  kit.async('requestSubscribeMessage', ({ tmplIds }) => {
    const out: Record<string, unknown> = {}
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
  for (const kind of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'] as const) {
    kit.async(kind, async (o: Options) => {
      await host.navigate(kind, { url: o.url, delta: o.delta })
    })
  }

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
  kit.async('getShareInfo', () => ({ encryptedData: 'harness', iv: 'harness', cloudID: '' }))
  kit.async('getGroupEnterInfo', () => ({ encryptedData: 'harness', iv: 'harness', cloudID: '' }))
  let clipboard = ''
  kit.async('setClipboardData', ({ data }) => void (clipboard = String(data)))
  kit.async('getClipboardData', () => ({ data: clipboard }))
  kit.async('getSetting', () => ({ authSetting: {} }))
  kit.async('getNetworkType', () => ({ networkType: 'wifi' }))

  // media and files
  kit.async('chooseImage', () => {
    const picked = host.pickImages()
    if (picked.length === 0) throw new Error('cancel')
    return { tempFilePaths: picked.map((p) => p.path), tempFiles: picked.map((p) => ({ path: p.path, size: p.bytes.length })) }
  })
  kit.async('chooseMedia', () => {
    const picked = host.pickImages()
    if (picked.length === 0) throw new Error('cancel')
    return { type: 'image', tempFiles: picked.map((p) => ({ tempFilePath: p.path, size: p.bytes.length, fileType: 'image' })) }
  })
  const fs = {
    readFile(o: Options) {
      host.recorder.record('FileSystemManager.readFile', [o], host.currentRoute())
      try {
        const bytes = host.readFile(o.filePath)
        const data = o.encoding ? bytes.toString(o.encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
        o.success?.(toRealm({ errMsg: 'readFile:ok', data }))
      } catch (e) {
        o.fail?.(toRealm({ errMsg: `readFile:fail ${(e as Error).message}` }))
      }
    },
    readFileSync(filePath: string, encoding?: BufferEncoding) {
      host.recorder.record('FileSystemManager.readFileSync', [filePath, encoding], host.currentRoute())
      const bytes = host.readFile(filePath)
      return encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
    }
  }
  kit.sync('getFileSystemManager', () => fs)

  // system
  kit.sync('getSystemInfoSync', () => weappSystemInfo)
  kit.async('getSystemInfo', () => weappSystemInfo)
  kit.sync('getWindowInfo', () => weappSystemInfo)
  kit.sync('getAppBaseInfo', () => ({ SDKVersion: weappSystemInfo.SDKVersion, language: 'zh_CN', version: '8.0.50', theme: 'light' }))
  kit.sync('getDeviceInfo', () => ({ brand: 'devtools', model: 'iPhone 13', system: 'iOS 17.0', platform: 'devtools' }))
  kit.sync('getSystemSetting', () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true }))
  kit.sync('getAccountInfoSync', () => ({ miniProgram: { appId: 'wxharness', envVersion: 'develop', version: '' } }))
  kit.sync('getLaunchOptionsSync', () => host.launchOptions())
  kit.sync('getEnterOptionsSync', () => host.launchOptions())
  kit.sync('canIUse', () => true)
  kit.sync('nextTick', (fn: () => void) => void Promise.resolve().then(fn))
  kit.sync('getUpdateManager', () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }))
  kit.sync('createSelectorQuery', () => selectorQuery())
  kit.listeners(
    'onAppShow',
    'offAppShow',
    'onAppHide',
    'offAppHide',
    'onError',
    'offError',
    'onUnhandledRejection',
    'offUnhandledRejection',
    'onNetworkStatusChange',
    'offNetworkStatusChange',
    'onMemoryWarning',
    'onPageNotFound',
    'onWindowResize',
    'offWindowResize'
  )
  return kit.api
}

/** A selector query that answers like a page with no layout: every rect is empty. */
export function selectorQuery(): object {
  const results: unknown[] = []
  const query = {
    in: () => query,
    select: () => node,
    selectAll: () => node,
    selectViewport: () => node,
    exec: (cb?: (r: unknown[]) => void) => {
      cb?.(results)
      return query
    }
  }
  const node = {
    boundingClientRect: (cb?: (r: unknown) => void) => {
      const rect = { top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 }
      results.push(rect)
      cb?.(rect)
      return query
    },
    scrollOffset: (cb?: (r: unknown) => void) => {
      const off = { scrollTop: 0, scrollLeft: 0 }
      results.push(off)
      cb?.(off)
      return query
    },
    fields: (_f: unknown, cb?: (r: unknown) => void) => {
      results.push(null)
      cb?.(null)
      return query
    },
    node: (cb?: (r: unknown) => void) => {
      results.push(null)
      cb?.(null)
      return query
    },
    context: (cb?: (r: unknown) => void) => {
      results.push(null)
      cb?.(null)
      return query
    }
  }
  return query
}
