import { useShareAppMessage } from '@tarojs/taro'
import type { ChatData, ShareMessage } from './share-types'

/** Alipay: the page's onShareAppMessage (registered by useShareAppMessage) returns { title, desc, path }. */
export const shareToChat = true

export function useInviteShare(message: ShareMessage | null): void {
  useShareAppMessage(() =>
    message ? ({ title: message.title, desc: message.title, path: message.path, imageUrl: message.imageUrl } as { title: string; path: string }) : { title: '', path: '/pages/index/index' }
  )
}

/** No web link opens the mini-program from here: the invite page gives a join code to type in the app instead. */
export function inviteLink(_path: string): string | null {
  return null
}

/** Alipay: no chat identity comes with a shared card. */
export async function enteredChat(): Promise<ChatData | null> {
  return null
}
