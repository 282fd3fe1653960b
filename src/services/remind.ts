import Taro from '@tarojs/taro'
import { withConsent } from './privacy'

/**
 * A reminder for the chat: the text is copied (the platform says so), and the person pastes it where the payer
 * will see it. Subscription messages, which need the payer's consent, are not used for this.
 */
export async function copyReminder(text: string): Promise<boolean> {
  try {
    return (await withConsent(() => Taro.setClipboardData({ data: text }))) !== null
  } catch {
    return false
  }
}
