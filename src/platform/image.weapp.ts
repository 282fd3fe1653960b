import Taro from '@tarojs/taro'

/** Picks one image (compressed) and reads it as a data URL through the file system manager. */
export async function chooseImageDataUrl(): Promise<string | null> {
  const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const file = res.tempFiles?.[0] ?? { path: res.tempFilePaths[0] }
  if (!file?.path) return null
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
  const type = /\.png$/i.test(file.path) ? 'png' : 'jpeg'
  return `data:image/${type};base64,${base64}`
}
