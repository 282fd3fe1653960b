import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import type { ShareMessage } from './share-types'

/** WeChat: a share button (open-type="share") sends the card; withShareTicket lets the join page know the chat. */
export const shareToChat = true

export function useInviteShare(message: ShareMessage | null): void {
  useEffect(() => {
    void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option).catch(() => {})
  }, [])
  useShareAppMessage(() => (message ? { title: message.title, path: message.path, imageUrl: message.imageUrl } : { title: '', path: '/pages/index/index' }))
}

/** The link for "copy": in WeChat the page path is what a card carries. */
export function inviteLink(path: string): string {
  return path
}
