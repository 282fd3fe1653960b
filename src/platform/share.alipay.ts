import { useShareAppMessage } from '@tarojs/taro'
import type { ChatData, ShareMessage } from './share-types'

/** Alipay: the page's onShareAppMessage (registered by useShareAppMessage) returns { title, desc, path }. */
export const shareToChat = true

export function useInviteShare(message: ShareMessage | null): void {
  useShareAppMessage(() =>
    message ? ({ title: message.title, desc: message.title, path: message.path, imageUrl: message.imageUrl } as { title: string; path: string }) : { title: '', path: '/pages/index/index' }
  )
}

export function inviteLink(path: string): string {
  return path
}

/** Alipay: no chat identity comes with a shared card. */
export async function enteredChat(): Promise<ChatData | null> {
  return null
}
