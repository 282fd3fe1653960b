import Taro from '@tarojs/taro'
import type { FileDelivery } from './file-types'

/**
 * Alipay has no way to hand a mini-program's file to another app (its openDocument reads PDFs only), so the content
 * is copied: the person pastes it into a note or a chat.
 */
/** Whether handing it over uses a privacy API (the clipboard), so the person's consent comes first. */
export const deliveryIsPrivate = true

export async function deliverFile(_name: string, content: string): Promise<FileDelivery> {
  await Taro.setClipboardData({ data: content })
  return 'copied'
}
