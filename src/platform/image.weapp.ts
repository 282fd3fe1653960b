import Taro from '@tarojs/taro'

/** A local file (a chosen image, the avatar sheet's temp file) as an image data URL, read by the file system manager. */
export function fileDataUrl(path: string): string {
  const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string
  return `data:image/${/\.png$/i.test(path) ? 'png' : 'jpeg'};base64,${base64}`
}

/** Picks one image (compressed) and reads it as a data URL through the file system manager. */
export async function chooseImageDataUrl(): Promise<string | null> {
  const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const file = res.tempFiles?.[0] ?? { path: res.tempFilePaths[0] }
  if (!file?.path) return null
  return fileDataUrl(file.path)
}
