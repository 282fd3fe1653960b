import type { WindowSize } from './screen-types'

/** H5: the browser's viewport. */
export function windowSize(): WindowSize | null {
  if (typeof window === 'undefined' || !(window.innerWidth > 0) || !(window.innerHeight > 0)) return null
  return { width: window.innerWidth, height: window.innerHeight }
}
