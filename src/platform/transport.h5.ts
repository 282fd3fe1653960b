import Taro from '@tarojs/taro'
import type { Envelope, ReplyBody, WireReply } from '@/services/wire'

/** H5 preview: the function is served from the same origin as the page (`npm start`). */
export async function send(envelope: Envelope, token: string | null): Promise<WireReply> {
  const res = await Taro.request({
    url: '/api',
    method: 'POST',
    data: envelope,
    dataType: 'json',
    header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  })
  return { status: res.statusCode, body: res.data as ReplyBody }
}
