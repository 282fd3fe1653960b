import Taro from '@tarojs/taro'
import { useEffect } from 'react'

/** Sets the navigation bar title (it follows the app language, unlike the static page config). */
export function useTitle(title: string) {
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => {})
  }, [title])
}
