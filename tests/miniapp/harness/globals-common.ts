/**
 * The parts of `wx` (globals-weapp.ts) and `my` (globals-alipay.ts) that both clients give alike: the storage calls
 * with `{ key, data }` options, navigation, the FileSystemManager reads (each client answering in its own shape),
 * the system-info trio, launch options, the update manager, the selector query and the app listeners.
 */
import type { ApiKit, Options } from './api-kit'
import type { PlatformHost } from './host'

/** The phone both clients run on: a 390 x 844 point screen at 3x, a 47-point status bar, 763 points of window. */
export const phoneScreen = {
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
}

/** What a client stores is a copy (JSON round trip), as on a phone. */
export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

/** The storage calls whose names, options and answers are the same on both clients. */
export function commonStorage(kit: ApiKit, storage: PlatformHost['storage']): void {
  const info = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })
  kit.sync('clearStorageSync', () => storage.clear())
  kit.sync('getStorageInfoSync', info)
  kit.async('setStorage', ({ key, data }) => void storage.set(key, clone(data)))
  kit.async('removeStorage', ({ key }) => void storage.delete(key))
  kit.async('clearStorage', () => storage.clear())
  kit.async('getStorageInfo', info)
}

/** navigateTo / redirectTo / switchTab / reLaunch / navigateBack, handed to the host's page stack. */
export function navigation(kit: ApiKit, host: PlatformHost): void {
  for (const kind of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'] as const) {
    kit.async(kind, async (o: Options) => {
      await host.navigate(kind, { url: o.url, delta: o.delta })
    })
  }
}

/** How a client answers FileSystemManager reads: readFile's success and fail objects, readFileSync's return value. */
export interface FileAnswers {
  ok(data: string | ArrayBufferLike): object
  fail(message: string): object
  sync(data: string | ArrayBufferLike): unknown
}

/** getFileSystemManager: readFile and readFileSync over the host's files, recorded, answered in the client's shapes. */
/** The folder a mini-program may write to (wx.env.USER_DATA_PATH / my.env.USER_DATA_PATH). */
export const USER_DATA_PATH = { weapp: 'wxfile://usr', alipay: 'https://usr' } as const

export function fileSystemManager(kit: ApiKit, host: PlatformHost, answers: FileAnswers): void {
  const read = (filePath: string, encoding?: BufferEncoding): string | ArrayBufferLike => {
    const bytes = host.readFile(filePath)
    return encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
  }
  const fs = {
    readFile(o: Options) {
      host.recorder.record('FileSystemManager.readFile', [o], host.currentRoute())
      try {
        o.success?.(kit.toRealm(answers.ok(read(o.filePath, o.encoding))))
      } catch (e) {
        o.fail?.(kit.toRealm(answers.fail((e as Error).message)))
      }
    },
    readFileSync(filePath: string, encoding?: BufferEncoding) {
      host.recorder.record('FileSystemManager.readFileSync', [filePath, encoding], host.currentRoute())
      return answers.sync(read(filePath, encoding))
    },
    writeFileSync(filePath: string, data: string, encoding: BufferEncoding = 'utf8') {
      host.recorder.record('FileSystemManager.writeFileSync', [filePath, encoding], host.currentRoute())
      if (!String(filePath).startsWith(USER_DATA_PATH[host.target])) throw new Error(`permission denied, open ${filePath}`)
      host.writeFile?.(filePath, Buffer.from(String(data), encoding))
    }
  }
  kit.sync('getFileSystemManager', () => fs)
}

/**
 * getSystemInfoSync / getSystemInfo / getWindowInfo answering `systemInfo`, launch and enter options, canIUse,
 * the update manager, the selector query, and the app listeners both clients have.
 */
export function commonSystem(kit: ApiKit, host: PlatformHost, systemInfo: Record<string, unknown>): void {
  kit.sync('getSystemInfoSync', () => systemInfo)
  kit.async('getSystemInfo', () => systemInfo)
  kit.sync('getWindowInfo', () => systemInfo)
  kit.sync('getLaunchOptionsSync', () => host.launchOptions())
  kit.sync('getEnterOptionsSync', () => host.launchOptions())
  kit.sync('canIUse', () => true)
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
    'onMemoryWarning'
  )
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
