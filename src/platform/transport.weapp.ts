import Taro from '@tarojs/taro'
import { postEnvelope } from './post'
import type { Envelope, ReplyBody, WireReply } from '@/services/wire'

/** The CloudBase function name used when CLOUD_ENV is set. */
export const CLOUD_FUNCTION_NAME = 'splitpay'

let cloudReady = false

/**
 * WeChat: through CloudBase (`Taro.cloud.callFunction`, identity from the call context) when CLOUD_ENV is set,
 * otherwise HTTPS to API_URL with the session token.
 */
export async function send(envelope: Envelope, token: string | null): Promise<WireReply> {
  if (CLOUD_ENV) {
    if (!cloudReady) {
      Taro.cloud.init({ env: CLOUD_ENV })
      cloudReady = true
    }
    const res = await Taro.cloud.callFunction({ name: CLOUD_FUNCTION_NAME, data: envelope as unknown as Record<string, unknown> })
    const result = res.result as ReplyBody & { status?: number }
    return { status: result.status ?? (result.ok ? 200 : 400), body: result }
  }
  const res = await postEnvelope(API_URL, envelope, token)
  return { status: res.statusCode, body: res.data as ReplyBody }
}
