import Taro from '@tarojs/taro'
import type { FaultListener } from './faults-types'

/**
 * WeChat and Alipay: the app's uncaught errors (wx.onError / my.onError, a message with its stack) and promises
 * rejected with no handler (onUnhandledRejection, { reason }).
 */
export function listenForFaults(report: FaultListener): void {
  Taro.onError((error) => report('error', error))
  Taro.onUnhandledRejection((res: { reason?: unknown }) => report('rejection', res?.reason))
}
