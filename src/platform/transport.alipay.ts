import { postEnvelope } from './post'
import type { Envelope, ReplyBody, WireReply } from '@/services/wire'

interface AlipayHttpFailure {
  error?: number
  status?: number
  statusCode?: number
  data?: unknown
}

function body(data: unknown): ReplyBody {
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as ReplyBody
    } catch {
      return data as unknown as ReplyBody
    }
  }
  return data as ReplyBody
}

/**
 * Alipay: HTTPS to the function's URL (API_URL, a build constant). my.request calls `fail` (error 19) for any
 * non-2xx status, carrying the status and the body: those are the function's answers (409, 400...), not network
 * failures, so they are returned as replies.
 */
export async function send(envelope: Envelope, token: string | null): Promise<WireReply> {
  try {
    const res = await postEnvelope(API_URL, envelope, token)
    return { status: res.statusCode ?? (res as unknown as AlipayHttpFailure).status ?? 200, body: body(res.data) }
  } catch (e) {
    const failure = e as AlipayHttpFailure
    const status = failure?.status ?? failure?.statusCode
    if (typeof status === 'number' && status > 0 && failure.data !== undefined) return { status, body: body(failure.data) }
    throw e
  }
}
