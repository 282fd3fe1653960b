import Taro from '@tarojs/taro'

/**
 * A reminder for the chat: the text is copied (the platform says so), and the person pastes it where the payer
 * will see it. Subscription messages, which need the payer's consent, are not used for this. The clipboard is a
 * privacy API: the caller asks for consent first (withConsent, src/store/privacy.ts).
 */
export async function copyReminder(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}
