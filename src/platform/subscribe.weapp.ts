import Taro from '@tarojs/taro'
import type { SubscribeAnswers } from './subscribe-types'

/**
 * WeChat: wx.requestSubscribeMessage({ tmplIds }) (at most 3, after a tap) answers per id accept / reject / ban /
 * filter. With subscriptions switched off in WeChat's settings (errCode 20004) every id counts as refused, so the
 * app does not ask again at every expense.
 */
export async function askToSubscribe(templateIds: string[]): Promise<SubscribeAnswers> {
  const ids = templateIds.slice(0, 3)
  if (ids.length === 0) return null
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
    return Object.fromEntries(ids.flatMap((id) => (typeof res[id] === 'string' ? [[id, res[id]]] : []))) as SubscribeAnswers
  } catch (e) {
    if ((e as { errCode?: number }).errCode === 20004) return Object.fromEntries(ids.map((id) => [id, 'reject' as const]))
    return null
  }
}
