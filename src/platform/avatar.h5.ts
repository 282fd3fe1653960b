import type { AvatarSource, PickedAvatar } from './avatar-types'
import { chooseImageElement } from './image.h5'

/** H5 preview: a tap opens the file picker. */
export const avatarSource: AvatarSource = {}

/** The picked image cropped to a centred square of 160 px, as a JPEG data URL (well under the 64 KB limit). */
export async function pickAvatar(_detail?: unknown): Promise<PickedAvatar | null> {
  const img = await chooseImageElement()
  if (!img) return null
  const side = Math.min(img.width, img.height)
  const canvas = document.createElement('canvas')
  canvas.width = 160
  canvas.height = 160
  canvas.getContext('2d')?.drawImage(img, (img.width - side) / 2, (img.height - side) / 2, side, side, 0, 0, 160, 160)
  return { image: canvas.toDataURL('image/jpeg', 0.85) }
}

/** The preview serves the function from its own origin: the path is the URL. */
export const avatarUrl = (path: string): string => path
