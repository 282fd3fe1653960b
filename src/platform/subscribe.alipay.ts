import Taro from '@tarojs/taro'
import type { SubscribeAnswers } from './subscribe-types'

/**
 * Alipay: my.requestSubscribeMessage({ entityIds }) (at most 3) answers per id accept / reject, with behavior
 * 'subscribe'; a cancelled panel (behavior 'cancel', or the fail callback) answers nothing.
 */
export async function askToSubscribe(templateIds: string[]): Promise<SubscribeAnswers> {
  const ids = templateIds.slice(0, 3)
  if (ids.length === 0) return null
  try {
    const res = (await Taro.requestSubscribeMessage({ entityIds: ids } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
    if (res.behavior !== 'subscribe') return null
    return Object.fromEntries(ids.flatMap((id) => (res[id] === 'accept' || res[id] === 'reject' ? [[id, res[id]]] : []))) as SubscribeAnswers
  } catch {
    return null
  }
}
