import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/**
 * Runs `fn` when the component mounts and each time its page is shown again (coming back from another page).
 * useDidShow alone misses the first show for components that mount later (e.g. after sign-in).
 */
export function useShowEffect(fn: () => void): void {
  const latest = useRef(fn)
  latest.current = fn
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    latest.current()
  }, [])
  useDidShow(() => {
    if (mounted.current) latest.current()
  })
}
