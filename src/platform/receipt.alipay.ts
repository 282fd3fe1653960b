import Taro from '@tarojs/taro'
import { imageDataUrl, type ReceiptPhoto } from './receipt-types'

interface AlipayPaths {
  apFilePaths?: string[]
  tempFilePaths?: string[]
}

/** The thumbnail's cap (RECEIPT_THUMB_MAX_BYTES): over it, none is sent and the function shows the image instead. */
const THUMB_MAX_BYTES = 65_536

function read(path: string): { url: string; bytes: number } | null {
  const out = Taro.getFileSystemManager().readFileSync(path, 'base64') as unknown as string | { data?: string }
  const data = typeof out === 'string' ? out : out?.data
  const url = typeof data === 'string' ? imageDataUrl(data) : null
  return url && data ? { url, bytes: Math.floor((data.length * 3) / 4) } : null
}

const compress = async (path: string, level: number): Promise<string> => {
  const res = (await Taro.compressImage({ apFilePaths: [path], compressLevel: level } as unknown as Taro.compressImage.Option)) as unknown as AlipayPaths
  return res.apFilePaths?.[0] ?? res.tempFilePaths?.[0] ?? path
}

/**
 * Alipay: photos from the album or the camera (my.chooseImage), compressed with my.compressImage, which has levels
 * but no width: the image at level 2, a thumbnail at level 4 when that is small enough.
 */
export async function chooseReceiptPhotos(max: number): Promise<ReceiptPhoto[]> {
  let chosen: AlipayPaths & { tempFiles?: Array<{ path?: string }> }
  try {
    chosen = (await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })) as unknown as typeof chosen
  } catch {
    return [] // closed the picker
  }
  const paths = (chosen.apFilePaths ?? chosen.tempFilePaths ?? chosen.tempFiles?.map((f) => f.path ?? '') ?? []).filter(Boolean).slice(0, max)
  const out: ReceiptPhoto[] = []
  for (const path of paths) {
    const image = read(await compress(path, 2))
    if (!image) continue
    const thumb = read(await compress(path, 4))
    out.push({ image: image.url, ...(thumb && thumb.bytes <= THUMB_MAX_BYTES ? { thumb: thumb.url } : {}) })
  }
  return out
}
