import Taro from '@tarojs/taro'
import type { Envelope } from '@/services/wire'

/** POSTs an envelope as JSON to the function, with the session token as a Bearer header when there is one. */
export function postEnvelope(url: string, envelope: Envelope, token: string | null) {
  return Taro.request({
    url,
    method: 'POST',
    data: envelope,
    dataType: 'json',
    header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  })
}
