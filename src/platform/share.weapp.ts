import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import type { ChatData, ShareMessage } from './share-types'

/** WeChat: a share button (open-type="share") sends the card; withShareTicket lets the join page know the chat. */
export const shareToChat = true

export function useInviteShare(message: ShareMessage | null): void {
  useEffect(() => {
    void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option).catch(() => {})
  }, [])
  useShareAppMessage(() => (message ? { title: message.title, path: message.path, imageUrl: message.imageUrl } : { title: '', path: '/pages/index/index' }))
}

/** No web link opens the mini-program from here: the invite page gives a join code to type in the app instead. */
export function inviteLink(_path: string): string | null {
  return null
}

/**
 * Opened from a card in a group chat (withShareTicket): the chat's id (openGId), encrypted by WeChat with the
 * session of the latest sign-in, for linkChat / groupsForChat. Null when the app was not opened from a chat card.
 * wx.getGroupEnterInfo reads the current entry (base library 2.17.3+); older ones take the shareTicket in getShareInfo.
 */
export async function enteredChat(): Promise<ChatData | null> {
  const options = (typeof Taro.getEnterOptionsSync === 'function' ? Taro.getEnterOptionsSync() : Taro.getLaunchOptionsSync()) as { shareTicket?: string }
  const shareTicket = options?.shareTicket
  if (!shareTicket) return null
  try {
    const res = (
      typeof Taro.getGroupEnterInfo === 'function' ? await Taro.getGroupEnterInfo({} as Taro.getGroupEnterInfo.Option) : await Taro.getShareInfo({ shareTicket })
    ) as Partial<Taro.getGroupEnterInfo.SuccessCallbackResult>
    return res.encryptedData && res.iv ? { encryptedData: res.encryptedData, iv: res.iv } : null
  } catch {
    return null
  }
}
