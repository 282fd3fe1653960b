import Taro from '@tarojs/taro'

/** H5: the file the person picks, decoded as an image (null when they picked nothing). */
export async function chooseImageElement(): Promise<HTMLImageElement | null> {
  const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
  const url = res.tempFilePaths?.[0]
  if (!url) return null
  const img = new window.Image()
  img.src = url
  await img.decode()
  return img
}

/** H5: the chosen file arrives as a blob URL; read it into a data URL (scaled down to at most 720 px). */
export async function chooseImageDataUrl(): Promise<string | null> {
  const img = await chooseImageElement()
  if (!img) return null
  const scale = Math.min(1, 720 / Math.max(img.width, img.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(img.width * scale)
  canvas.height = Math.round(img.height * scale)
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', 0.85)
}
