/**
 * A thin test double of `@tarojs/taro` for component and store tests (jsdom).
 * Storage is a real Map so persistence round-trips; the rest are jest.fn()s a test can inspect or script.
 * The compiled bundles are tested for real in tests/miniapp.
 */
import { useEffect } from 'react'

const storage = new Map<string, string>()

export const __storage = storage

const noop = () => Promise.resolve({ errMsg: 'ok' })

const Taro = {
  getEnv: () => 'WEB',
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
  cloud: { init: jest.fn(), callFunction: jest.fn(noop) }
}

function useOnMount(fn: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void fn(), [])
}

export const useLaunch = useOnMount
export const useLoad = (fn: (params: Record<string, string>) => void) =>
  useOnMount(() => fn(Taro.getCurrentInstance().router.params))
export const useDidShow = useOnMount
export const useReady = useOnMount
export const usePullDownRefresh = jest.fn()
export const useReachBottom = jest.fn()
export const useShareAppMessage = jest.fn()
export const useRouter = () => Taro.getCurrentInstance().router

export const getStorage = Taro.getStorage
export const setStorage = Taro.setStorage
export const removeStorage = Taro.removeStorage
export const request = Taro.request

export default Taro
