/**
 * Raw HTTP routes beside POST /api (payment notifies under /notify/, the sandbox wallet under /sandbox/).
 * They receive the unparsed body (notify signatures are computed over the exact bytes).
 */
import type { AppServices } from './actions/types'

export interface RawRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

export interface RawResponse {
  status: number
  headers?: Record<string, string>
  body: string | Buffer
}

export interface RawRoute {
  /** An exact path ("/notify/wechat") or a prefix ending in "/" ("/sandbox/"). */
  path: string
  methods: string[]
  handle(req: RawRequest, services: AppServices): Promise<RawResponse>
}

export function matchRoute(routes: RawRoute[], path: string): RawRoute | undefined {
  return routes.find((r) => (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path))
}
