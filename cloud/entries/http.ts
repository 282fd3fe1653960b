/**
 * The HTTP entry (plain Node http): POST /api with JSON { action, input } and `Authorization: Bearer <token>`,
 * CORS for the H5 preview, a body size limit, GET /health, and raw routes (payment notifies, sandbox wallet).
 * Used by Alipay, H5, local dev and any HTTP host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handler } from '../handler'
import type { RawRoute } from '../routes'
import { internalError, notFound, readLimit, requestTimeout, respond, SECURITY_HEADERS, type HttpResponseLike } from './respond'

export interface HttpOptions {
  routes?: RawRoute[]
  /** Origins allowed to call from a browser (default: the configuration's corsOrigins). */
  corsOrigins?: readonly string[]
  bodyLimit?: number
  /** How long a declared body may take to arrive (default BODY_TIMEOUT_MS). */
  bodyTimeoutMs?: number
  /** Serves anything that is not the function's (e.g. the H5 build's static files). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void
}

/**
 * The body, or null once it passes `limit` bytes (the rest is drained, not kept), or 'timeout' when it has not
 * all arrived within `timeoutMs` (a client that declares a body and never sends it does not hold the request).
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs = 10_000): Promise<Buffer | null | 'timeout'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    const chunks: Buffer[] = []
    let size = 0
    let over = Number.isFinite(declared) && declared > limit
    const timer = setTimeout(() => resolve('timeout'), timeoutMs)
    timer.unref()
    req.on('close', () => clearTimeout(timer))
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      clearTimeout(timer)
      resolve(over ? null : Buffer.concat(chunks))
    })
    req.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
  })
}

function write(res: ServerResponse, out: HttpResponseLike) {
  if (res.headersSent) return
  res.writeHead(out.status, { ...out.headers, 'content-length': String(Buffer.byteLength(out.body)) })
  res.end(out.body)
}

export function createHttpHandler(handler: Handler, opts: HttpOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const config = handler.services.config
  const respondOpts = {
    routes: opts.routes ?? [],
    corsOrigins: opts.corsOrigins ?? config.corsOrigins,
    bodyLimit: opts.bodyLimit ?? config.BODY_LIMIT_BYTES
  }
  const bodyTimeoutMs = opts.bodyTimeoutMs ?? config.BODY_TIMEOUT_MS
  return (req, res) => {
    const run = async () => {
      let url: URL
      try {
        url = new URL(req.url ?? '/', 'http://localhost')
      } catch {
        url = new URL('http://localhost/')
      }
      const method = req.method ?? 'GET'
      const ours = url.pathname === '/api' || url.pathname === '/health' || method === 'OPTIONS' || respondOpts.routes.some((r) => (r.path.endsWith('/') ? url.pathname.startsWith(r.path) : url.pathname === r.path))
      if (!ours && opts.fallback) return opts.fallback(req, res)
      const body = method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? Buffer.alloc(0) : await readBody(req, readLimit(respondOpts.bodyLimit), bodyTimeoutMs)
      if (body === 'timeout') {
        write(res, requestTimeout())
        req.destroy()
        return
      }
      const out = await respond(handler, respondOpts, { method, path: url.pathname, query: url.searchParams, headers: req.headers, body, address: req.socket.remoteAddress ?? null })
      write(res, out ?? { ...notFound(url.pathname), headers: { ...notFound(url.pathname).headers, ...SECURITY_HEADERS } })
    }
    run().catch((e) => {
      console.error('[splitpay] http entry error:', e)
      write(res, internalError())
    })
  }
}
