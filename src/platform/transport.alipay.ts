import Taro from '@tarojs/taro'
import type { Envelope, ReplyBody, WireReply } from '@/services/wire'

/** Alipay: HTTPS to the function's URL (API_URL, a build constant). */
export async function send(envelope: Envelope, token: string | null): Promise<WireReply> {
  const res = await Taro.request({
    url: API_URL,
    method: 'POST',
    data: envelope,
    dataType: 'json',
    header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  })
  return { status: res.statusCode, body: res.data as ReplyBody }
}
