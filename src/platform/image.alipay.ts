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
  if (!path) return null
  const out = Taro.getFileSystemManager().readFileSync(path, 'base64') as unknown as string | { data?: string | ArrayBuffer }
  const data = typeof out === 'string' ? out : out?.data
  if (typeof data !== 'string' || !data) return null
  const type = /\.png$/i.test(path) ? 'png' : 'jpeg'
  return `data:image/${type};base64,${data}`
}
