import Taro from '@tarojs/taro'
import type { WindowSize } from './screen-types'

/** Alipay: my.getSystemInfoSync, Alipay's own current API for the window's size. */
export function windowSize(): WindowSize | null {
  const info = Taro.getSystemInfoSync()
  return info.windowWidth > 0 && info.windowHeight > 0 ? { width: info.windowWidth, height: info.windowHeight } : null
}
