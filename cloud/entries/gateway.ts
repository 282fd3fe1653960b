/**
 * An adapter for API-gateway style invocations (Tencent SCF API Gateway / function URL, Alibaba Function
 * Compute HTTP trigger): event { httpMethod|requestContext.http.method, path|rawPath, headers, body,
 * isBase64Encoded } -> { statusCode, headers, body, isBase64Encoded }.
 */
import type { Handler } from '../handler'
import type { RawRoute } from '../routes'
import { internalError, notFound, readLimit, respond } from './respond'
import { createTimerHandler, isTimerEvent } from './timer'

interface GatewayEvent {
  httpMethod?: string
  method?: string
  requestContext?: { http?: { method?: string; path?: string } }
  path?: string
  rawPath?: string
  queryStringParameters?: Record<string, string> | null
  queryParameters?: Record<string, string> | null
  rawQueryString?: string
  headers?: Record<string, string> | null
  body?: string | null
  isBase64Encoded?: boolean
}

export function createGatewayHandler(getHandler: () => Promise<Handler>, routes: RawRoute[] = []) {
  /** The caller's address as the gateway saw it (SCF: requestContext.sourceIp; FC: requestContext.http.sourceIp). */
  const sourceAddress = (event: GatewayEvent, headers: Record<string, string>): string | null => {
    const ctx = event.requestContext as { sourceIp?: unknown; identity?: { sourceIp?: unknown }; http?: { sourceIp?: unknown } } | undefined
    const ip = ctx?.sourceIp ?? ctx?.identity?.sourceIp ?? ctx?.http?.sourceIp ?? headers['x-forwarded-for']?.split(',')[0]?.trim()
    return typeof ip === 'string' && ip !== '' ? ip.slice(0, 64) : null
  }
  const timer = createTimerHandler(getHandler)
  return async function handler(rawEvent: unknown) {
    // a timer trigger (SCF { Type: 'Timer' }, Function Compute { triggerName, triggerTime }): no HTTP answer
    if (isTimerEvent(rawEvent)) {
      const out = await timer()
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(out), isBase64Encoded: false }
    }
    try {
      const h = await getHandler()
      let event: GatewayEvent
      if (Buffer.isBuffer(rawEvent)) event = JSON.parse(rawEvent.toString('utf8'))
      else if (typeof rawEvent === 'string') event = JSON.parse(rawEvent)
      else event = (rawEvent ?? {}) as GatewayEvent
      const method = (event.httpMethod ?? event.requestContext?.http?.method ?? event.method ?? 'POST').toUpperCase()
      const path = event.rawPath ?? event.path ?? event.requestContext?.http?.path ?? '/api'
      const query = new URLSearchParams(event.rawQueryString ?? (event.queryStringParameters || event.queryParameters || {}))
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(event.headers ?? {})) headers[k.toLowerCase()] = String(v)
      const config = h.services.config
      let body: Buffer | null = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0)
      if (body.length > readLimit(config.BODY_LIMIT_BYTES)) body = null
      const out =
        (await respond(h, { routes, corsOrigins: config.corsOrigins, bodyLimit: config.BODY_LIMIT_BYTES }, { method, path, query, headers, body, address: sourceAddress(event, headers) })) ??
        notFound(path)
      const isBinary = Buffer.isBuffer(out.body)
      return {
        statusCode: out.status,
        headers: out.headers,
        body: isBinary ? (out.body as Buffer).toString('base64') : out.body,
        isBase64Encoded: isBinary
      }
    } catch (err) {
      if (err instanceof SyntaxError) return { statusCode: 400, headers: {}, body: JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: 'Bad event' } }), isBase64Encoded: false }
      console.error('[splitpay] gateway entry error:', err)
      const out = internalError()
      return { statusCode: out.status, headers: out.headers, body: out.body, isBase64Encoded: false }
    }
  }
}
