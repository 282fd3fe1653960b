import Taro from '@tarojs/taro'
import type { PickedText, PickSource } from './pick-types'

/**
 * Alipay: a mini-program cannot open a file from a chat or the disk, so the export's text is pasted: the person copies
 * it (a CSV opened in a note, a JSON sent as text) and the app reads the clipboard.
 */
export const pickSource: PickSource = 'clipboard'
/** Reading the clipboard is a privacy API: the person's consent comes first. */
export const pickIsPrivate = true

export async function pickText(): Promise<PickedText | null> {
  const res = await Taro.getClipboardData()
  const content = String(res.data ?? '')
  return content.trim() ? { name: '', content } : null
}
