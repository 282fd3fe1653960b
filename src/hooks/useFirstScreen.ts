import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/**
 * How many items of a long list to render: `first` (about one screen) on the page's first render, so its first
 * setData stays small and the page paints sooner, then all of them once that render is on screen (Taro.nextTick:
 * after the page's pending update).
 */
export function useFirstScreen(first: number): number {
  const [limit, setLimit] = useState(first)
  useEffect(() => {
    let live = true
    Taro.nextTick(() => {
      if (live) setLimit(Infinity)
    })
    return () => {
      live = false
    }
  }, [])
  return limit
}
