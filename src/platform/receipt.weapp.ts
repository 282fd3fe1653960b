import Taro from '@tarojs/taro'
import { imageDataUrl, type ReceiptPhoto } from './receipt-types'

const read = (path: string) => imageDataUrl(Taro.getFileSystemManager().readFileSync(path, 'base64') as string)

/**
 * WeChat: photos from the album or the camera (wx.chooseMedia), each compressed twice with wx.compressImage: the image
 * at most 1280 px wide, the thumbnail 240 px (compressedWidth, base library 2.26.0+).
 */
export async function chooseReceiptPhotos(max: number): Promise<ReceiptPhoto[]> {
  let chosen: Taro.chooseMedia.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch {
    return [] // closed the picker
  }
  const out: ReceiptPhoto[] = []
  for (const file of chosen.tempFiles.slice(0, max)) {
    const image = await Taro.compressImage({ src: file.tempFilePath, quality: 80, compressedWidth: 1280 } as Taro.compressImage.Option)
    const thumb = await Taro.compressImage({ src: file.tempFilePath, quality: 60, compressedWidth: 240 } as Taro.compressImage.Option)
    const imageUrl = read(image.tempFilePath)
    if (imageUrl) out.push({ image: imageUrl, thumb: read(thumb.tempFilePath) ?? undefined })
  }
  return out
}
