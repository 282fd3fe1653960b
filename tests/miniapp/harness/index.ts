/** The mini-program harness: boot a compiled target in Node, drive it like a user, read what the platform saw. */
export { readBundle, distDir, repoRoot, type Bundle, type Target } from './bundle'
export { MiniApp, parseUrl, type MiniAppOptions } from './miniapp'
export { PageHandle, SETDATA_WARN_BYTES, SETDATA_MAX_BYTES, type SetDataRecord } from './page'
export { Recorder, type PlatformCall } from './recorder'
export { textContent, type ViewNode } from './nodes'
export { Scope } from './scope'
export type { TextMatch, QueryOptions } from './query'
export type { Wallet, ModalAnswer } from './host'
