import Taro from '@tarojs/taro'

interface AlipayChosen {
  tempFiles?: Array<{ path?: string }>
  tempFilePaths?: string[]
  apFilePaths?: string[]
}

/**
 * Alipay: chooseImage answers apFilePaths (Taro may also map them to tempFilePaths), and the file system
 * manager's readFileSync returns { data } rather than the string WeChat returns.
 */
export async function chooseImageDataUrl(): Promise<string | null> {
  const res = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })) as unknown as AlipayChosen
  const path = res.tempFiles?.[0]?.path ?? res.tempFilePaths?.[0] ?? res.apFilePaths?.[0]
  return path ? fileDataUrl(path) : null
}

/**
 * A local file as an image data URL (null when it cannot be read); `named` is where the type is read from when the
 * local path does not say (a download's apFilePath ends in .image: its URL does).
 */
export function fileDataUrl(path: string, named = path): string | null {
  const out = Taro.getFileSystemManager().readFileSync(path, 'base64') as unknown as string | { data?: string | ArrayBuffer }
  const data = typeof out === 'string' ? out : out?.data
  if (typeof data !== 'string' || !data) return null
  return `data:image/${/\.png(\?|$)/i.test(named) ? 'png' : 'jpeg'};base64,${data}`
}
