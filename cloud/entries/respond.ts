/**
 * The HTTP surface of the function, independent of the server: POST /api, GET /health, raw routes, CORS.
 * The Node listener (http.ts) and the API-gateway adapter (gateway.ts) both answer through it.
 */
import { API_PATH } from '../../src/api/envelope'
import type { ApiErrorCode } from '../../src/api/errors'
import type { Handler } from '../handler'
import { matchRoute, type RawRoute } from '../routes'
import { BodyError, parseJsonBody } from './json'

export interface HttpRequestLike {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  /** null when the body was larger than the limit. */
  body: Buffer | null
  /** The caller's network address, when the host tells it. */
  address?: string | null
}

export interface HttpResponseLike {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

export interface RespondOptions {
  routes: RawRoute[]
  /** Origins allowed to call from a browser ("*" for any); the mini-programs need none. */
  corsOrigins: readonly string[]
  bodyLimit: number
}

/**
 * Actions whose requests may be larger than the body limit (BODY_LIMIT_BYTES), and how large: a receipt photo of up
 * to 1 MB travels as base64 (4/3 of it) with its thumbnail. Bodies up to the largest of these are read; one over
 * the body limit is answered only when it is a request of such an action within its own limit, else 413.
 */
export const ACTION_BODY_LIMITS: Readonly<Record<string, number>> = { addReceipt: 2 * 1_048_576 }

/** The most bytes of a body worth reading at all, given the body limit. */
export function readLimit(bodyLimit: number): number {
  return Math.max(bodyLimit, ...Object.values(ACTION_BODY_LIMITS))
}

function json(status: number, value: unknown, extra: Record<string, string> = {}): HttpResponseLike {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': JSON_POLICY, ...extra },
    body: JSON.stringify(value)
  }
}

const err = (status: number, code: ApiErrorCode, message: string) => json(status, { ok: false, error: { code, message } })

/** CORS headers for a request from `origin`: none unless it is allowed. */
export function corsHeaders(allowed: readonly string[], origin: string | undefined): Record<string, string> {
  const any = allowed.includes('*')
  if (!any && (origin === undefined || !allowed.includes(origin))) return allowed.length > 0 ? { vary: 'origin' } : {}
  return {
    'access-control-allow-origin': any ? '*' : origin!,
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-max-age': '600',
    ...(any ? {} : { vary: 'origin' })
  }
}

/** Sent with every answer of the function: no sniffing, no framing, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer'
}

/** JSON answers load nothing and are never framed. */
const JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"

function header(headers: HttpRequestLike['headers'], name: string): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1]
  return Array.isArray(v) ? v[0] : v
}

/** Answers one request; null when nothing here serves the path (the caller may fall back, e.g. to static files). */
export async function respond(handler: Handler, opts: RespondOptions, req: HttpRequestLike): Promise<HttpResponseLike | null> {
  const cors = corsHeaders(opts.corsOrigins, header(req.headers, 'origin'))
  const out = await route(handler, opts, req)
  if (!out) return null
  return { ...out, headers: { ...cors, ...out.headers, ...SECURITY_HEADERS } }
}

async function route(handler: Handler, opts: RespondOptions, req: HttpRequestLike): Promise<HttpResponseLike | null> {
  if (req.method === 'OPTIONS') return { status: 204, headers: {}, body: '' }
  if (req.path === API_PATH) {
    if (req.method !== 'POST') return err(405, 'METHOD_NOT_ALLOWED', 'Use POST /api')
    if (req.body === null) return err(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${opts.bodyLimit} bytes`)
    const over = req.body.length > opts.bodyLimit
    let envelope: unknown
    try {
      envelope = parseJsonBody(req.body.toString('utf8'))
    } catch (e) {
      if (e instanceof BodyError) return over ? err(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${opts.bodyLimit} bytes`) : err(400, 'BAD_REQUEST', e.message)
      throw e
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      return over ? err(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${opts.bodyLimit} bytes`) : err(400, 'BAD_REQUEST', 'Expected a JSON object { "action": string, "input": object }')
    }
    const { action, input } = envelope as { action?: unknown; input?: unknown }
    if (over) {
      const own = typeof action === 'string' && Object.prototype.hasOwnProperty.call(ACTION_BODY_LIMITS, action) ? ACTION_BODY_LIMITS[action]! : 0
      if (req.body.length > Math.max(own, opts.bodyLimit)) return err(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${Math.max(own, opts.bodyLimit)} bytes`)
    }
    const auth = header(req.headers, 'authorization')
    const token = typeof auth === 'string' && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() : null
    const result = await handler.handle({ action, input, token, address: req.address ?? null })
    const details = result.body.ok ? undefined : (result.body.error.details as { retryAfter?: unknown } | undefined)
    const retryAfter = result.status === 429 && typeof details?.retryAfter === 'number' ? { 'retry-after': String(details.retryAfter) } : undefined
    return json(result.status, result.body, retryAfter)
  }
  if (req.path === '/health' && req.method === 'GET') return json(200, { ok: true })
  const raw = matchRoute(opts.routes, req.path)
  if (raw) {
    if (!raw.methods.includes(req.method)) return err(405, 'METHOD_NOT_ALLOWED', `Method not allowed on ${req.path}`)
    if (req.body === null || req.body.length > opts.bodyLimit) return err(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${opts.bodyLimit} bytes`)
    const res = await raw.handle({ method: req.method, path: req.path, query: req.query, headers: req.headers, body: req.body }, handler.services)
    return { status: res.status, headers: res.headers ?? {}, body: res.body }
  }
  return null
}

export function notFound(path: string): HttpResponseLike {
  return err(404, 'NOT_FOUND', `Nothing at ${path.slice(0, 100)}`)
}

export function requestTimeout(): HttpResponseLike {
  const out = err(408, 'REQUEST_TIMEOUT', 'The request body did not arrive in time')
  return { ...out, headers: { ...out.headers, ...SECURITY_HEADERS, connection: 'close' } }
}

export function internalError(): HttpResponseLike {
  return err(500, 'INTERNAL', 'Something went wrong on our side; please try again')
}
