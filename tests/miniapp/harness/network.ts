/**
 * The phone's network: real HTTP (fetch) to the function the test started. The compiled API_URL's origin is
 * replaced by `server`, so the bundles need no build for a test port. Offline, a request fails the way each
 * platform fails it: WeChat "request:fail ..." and Alipay error 12. With a latency (MiniAppOptions.latencyMs), half
 * of the round trip passes before the request leaves and half before the answer arrives.
 */
import { setTimeout as wait } from 'node:timers/promises'
import type { Target } from './bundle'
import { PlatformError } from './callbacks'
import type { HttpRequest, HttpResponse } from './host'

export async function sendHttp(request: HttpRequest, options: { target: Target; server?: string; online: boolean; latencyMs?: number }): Promise<HttpResponse> {
  const halfTrip = (options.latencyMs ?? 0) / 2
  if (halfTrip > 0) await wait(halfTrip)
  if (!options.online) {
    throw options.target === 'weapp' ? new Error('-101:net::ERR_INTERNET_DISCONNECTED') : new PlatformError('网络出错', { error: 12 })
  }
  const url = new URL(request.url)
  if (options.server) {
    const to = new URL(options.server)
    url.protocol = to.protocol
    url.host = to.host
  }
  const res = await fetch(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(request.timeoutMs)
  })
  const headers: Record<string, string> = {}
  res.headers.forEach((value, key) => (headers[key] = value))
  const text = await res.text()
  if (halfTrip > 0) await wait(halfTrip)
  return { status: res.status, headers, text }
}
