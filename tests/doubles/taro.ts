/**
 * A thin test double of `@tarojs/taro` for component and store tests (jsdom).
 * Storage is a real Map so persistence round-trips; the rest are jest.fn()s a test can inspect or script.
 * The compiled bundles are tested for real in tests/miniapp.
 */
import { useEffect, useRef } from 'react'

const storage = new Map<string, string>()

export const __storage = storage

const noop = () => Promise.resolve({ errMsg: 'ok' })

const Taro = {
  getEnv: () => 'WEB',
  // the runtime calls it back once the page's pending update is applied: here, after the current render's effects
  nextTick: (cb: () => void) => void setTimeout(cb, 1),
  ENV_TYPE: { WEAPP: 'WEAPP', ALIPAY: 'ALIPAY', WEB: 'WEB' },
  getStorage: jest.fn(async ({ key }: { key: string }) => {
    if (!storage.has(key)) throw new Error('getStorage:fail data not found')
    return { data: storage.get(key) }
  }),
  setStorage: jest.fn(async ({ key, data }: { key: string; data: string }) => {
    storage.set(key, data)
    return { errMsg: 'setStorage:ok' }
  }),
  removeStorage: jest.fn(async ({ key }: { key: string }) => {
    storage.delete(key)
    return { errMsg: 'removeStorage:ok' }
  }),
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, data: string) => void storage.set(key, data)),
  request: jest.fn(noop),
  login: jest.fn(async () => ({ code: 'test-code' })),
  showToast: jest.fn(noop),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  showLoading: jest.fn(noop),
  hideLoading: jest.fn(noop),
  navigateTo: jest.fn(noop),
  redirectTo: jest.fn(noop),
  navigateBack: jest.fn(noop),
  switchTab: jest.fn(noop),
  reLaunch: jest.fn(noop),
  stopPullDownRefresh: jest.fn(noop),
  setNavigationBarTitle: jest.fn(noop),
  showShareMenu: jest.fn(noop),
  requestPayment: jest.fn(noop),
  tradePay: jest.fn(noop),
  requestSubscribeMessage: jest.fn(noop),
  chooseImage: jest.fn(noop),
  setClipboardData: jest.fn(noop),
  previewImage: jest.fn(noop),
  saveImageToPhotosAlbum: jest.fn(noop),
  getSystemInfoSync: jest.fn(() => ({ language: 'zh_CN', platform: 'devtools' })),
  getCurrentInstance: jest.fn(() => ({ router: { params: {} as Record<string, string> } })),
  /** A selector query over the jsdom document: jsdom has no layout, so rects and offsets are zeros (or null for no match). */
  createSelectorQuery: jest.fn(() => {
    const results: Array<() => unknown> = []
    const query = {
      select(selector: string) {
        return {
          boundingClientRect() {
            results.push(() => (document.querySelector(selector) ? { id: selector.replace(/^#/, ''), top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 } : null))
            return query
          }
        }
      },
      selectViewport() {
        return {
          scrollOffset() {
            results.push(() => ({ scrollTop: 0, scrollLeft: 0 }))
            return query
          }
        }
      },
      exec(callback?: (res: unknown[]) => void) {
        setTimeout(() => callback?.(results.map((r) => r())), 0)
      }
    }
    return query
  }),
  cloud: { init: jest.fn(), callFunction: jest.fn(noop) }
}

function useOnMount(fn: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void fn(), [])
}

/**
 * The page the tree is rendered in, driven like Taro's runtime drives a page: the page hooks (useDidShow,
 * useDidHide, usePullDownRefresh, useReachBottom, usePageScroll) register while the component renders, as Taro
 * registers them on the page instance, and run when the page's event happens. `openPage` (tests/doubles/page.tsx)
 * fires the first onShow right after the page's first render is committed, before the tree's effects (Taro's
 * onLoad mounts the tree, then the platform calls onShow); `page.*` are the platform's later events.
 */
type PageEvent = 'show' | 'hide' | 'pullDownRefresh' | 'reachBottom' | 'pageScroll'
const pageListeners: Record<PageEvent, Set<(arg?: unknown) => void>> = {
  show: new Set(),
  hide: new Set(),
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  pageScroll: new Set()
}

function pageHook<A = void>(event: PageEvent) {
  return function usePageEvent(fn: (arg: A) => void): void {
    const latest = useRef(fn)
    latest.current = fn
    const listener = useRef<((arg?: unknown) => void) | null>(null)
    if (listener.current === null) {
      listener.current = (arg) => latest.current(arg as A)
      pageListeners[event].add(listener.current)
    }
    useEffect(
      () => () => {
        if (listener.current) pageListeners[event].delete(listener.current)
      },
      []
    )
  }
}

const fire = (event: PageEvent, arg?: unknown) => {
  for (const listener of [...pageListeners[event]]) listener(arg)
}

/** What the platform does to the page. */
export const page = {
  /** onShow (the first one comes from openPage). */
  show: () => fire('show'),
  hide: () => fire('hide'),
  /** The person opens another page and comes back: onHide, then onShow. */
  returnFromAnotherPage: () => {
    fire('hide')
    fire('show')
  },
  /** The person pulls the page down (the page config enables it); the page calls stopPullDownRefresh when done. */
  pullDownRefresh: () => fire('pullDownRefresh'),
  /** The page is scrolled to its bottom. */
  reachBottom: () => fire('reachBottom'),
  scroll: (scrollTop: number) => fire('pageScroll', { scrollTop }),
  /** How many handlers are registered for an event (0 once the page is unmounted). */
  listeners: (event: PageEvent) => pageListeners[event].size
}

export const useLaunch = useOnMount
export const useLoad = (fn: (params: Record<string, string>) => void) =>
  useOnMount(() => fn(Taro.getCurrentInstance().router.params))
export const useDidShow = pageHook('show')
export const useDidHide = pageHook('hide')
export const useReady = useOnMount
export const usePullDownRefresh = pageHook('pullDownRefresh')
export const useReachBottom = pageHook('reachBottom')
export const usePageScroll = pageHook<{ scrollTop: number }>('pageScroll')
export const useShareAppMessage = jest.fn()
export const useRouter = () => Taro.getCurrentInstance().router

export const getStorage = Taro.getStorage
export const setStorage = Taro.setStorage
export const removeStorage = Taro.removeStorage
export const request = Taro.request

export default Taro
