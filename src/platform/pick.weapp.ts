import Taro from '@tarojs/taro'
import type { PickedText, PickSource } from './pick-types'

/** WeChat: a file chosen from a chat (wx.chooseMessageFile: the person's File Transfer or any conversation). */
export const pickSource: PickSource = 'file'
/** wx.chooseMessageFile is a privacy API: the person's consent comes first. */
export const pickIsPrivate = true

export async function pickText(): Promise<PickedText | null> {
  let res: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['json', 'csv', 'txt'] })
  } catch {
    return null // closed the picker
  }
  const file = res.tempFiles[0]
  if (!file) return null
  const content = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string
  return { name: file.name, content }
}
