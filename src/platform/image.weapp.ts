import Taro from '@tarojs/taro'

/** A local file (a chosen image, the avatar sheet's temp file) as an image data URL, read by the file system manager. */
export function fileDataUrl(path: string): string {
  const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string
  return `data:image/${/\.png$/i.test(path) ? 'png' : 'jpeg'};base64,${base64}`
}

/**
 * Picks one image (compressed) with wx.chooseMedia (wx.chooseImage is no longer maintained since base library
 * 2.21.0) and reads it as a data URL through the file system manager.
 */
export async function chooseImageDataUrl(): Promise<string | null> {
  const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const path = res.tempFiles?.[0]?.tempFilePath
  return path ? fileDataUrl(path) : null
}
