import type { AvatarSource, PickedAvatar } from './avatar-types'
import { functionOrigin } from './function-origin'
import { fileDataUrl } from './image.weapp'

/** WeChat: `<button open-type="chooseAvatar">` (getUserProfile no longer returns real data). */
export const avatarSource: AvatarSource = { openType: 'chooseAvatar' }

/** The chooseavatar event's temp file (`detail.avatarUrl`), read as a data URL. */
export async function pickAvatar(detail: unknown): Promise<PickedAvatar | null> {
  const path = (detail as { avatarUrl?: unknown } | null)?.avatarUrl
  if (typeof path !== 'string' || !path) return null
  return { image: fileDataUrl(path) }
}

/** An avatar path the function sent ("/avatars/<key>"), as a URL on the function's host. */
export const avatarUrl = (path: string): string => `${functionOrigin}${path}`
