import type { FaultListener } from './faults-types'

/** H5: the window's uncaught errors and unhandled promise rejections. */
export function listenForFaults(report: FaultListener): void {
  if (typeof window === 'undefined') return
  window.addEventListener('error', (e) => report('error', e.error ?? e.message))
  window.addEventListener('unhandledrejection', (e) => report('rejection', e.reason))
}
