import Taro from '@tarojs/taro'
import type { FileDelivery } from './file-types'

/**
 * WeChat: the file is written to the mini-program's user data folder and offered with wx.shareFileMessage, so the
 * person sends it to a chat (their File Transfer, a friend) and keeps it there.
 */
/** Whether handing it over uses a privacy API (the clipboard), so the person's consent comes first. */
export const deliveryIsPrivate = false

export async function deliverFile(name: string, content: string): Promise<FileDelivery> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`
  Taro.getFileSystemManager().writeFileSync(filePath, content, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName: name })
  return 'shared'
}
