import Taro from '@tarojs/taro'

/** A short message at the bottom of the screen (toast without an icon, so long text is not cut). */
export function notify(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => {})
}
