import Taro from '@tarojs/taro'
import type { WindowSize } from './screen-types'

/** WeChat: wx.getWindowInfo (wx.getSystemInfoSync is no longer maintained since base library 2.20.1). */
export function windowSize(): WindowSize | null {
  const info = Taro.getWindowInfo()
  return info.windowWidth > 0 && info.windowHeight > 0 ? { width: info.windowWidth, height: info.windowHeight } : null
}
