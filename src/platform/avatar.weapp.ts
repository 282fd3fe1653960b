import Taro from '@tarojs/taro'
import type { AvatarSource, PickedAvatar } from './avatar-types'

/** WeChat: `<button open-type="chooseAvatar">` (getUserProfile no longer returns real data). */
export const avatarSource: AvatarSource = { openType: 'chooseAvatar' }

/** The chooseavatar event's temp file (`detail.avatarUrl`), read as a data URL. */
export async function pickAvatar(detail: unknown): Promise<PickedAvatar | null> {
  const path = (detail as { avatarUrl?: unknown } | null)?.avatarUrl
  if (typeof path !== 'string' || !path) return null
  const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string
  return { image: `data:image/${/\.png$/i.test(path) ? 'png' : 'jpeg'};base64,${base64}` }
}

/** An avatar path the function sent ("/avatars/<key>"), as a URL on the function's host. */
export const avatarUrl = (path: string): string => `${API_URL.replace(/\/api\/?$/, '')}${path}`
