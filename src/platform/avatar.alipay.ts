import Taro from '@tarojs/taro'
import type { AvatarSource, PickedAvatar } from './avatar-types'
import { functionOrigin } from './function-origin'
import { fileDataUrl } from './image.alipay'

/** Alipay: `<button open-type="getAuthorize" scope="userInfo">`; once the person agrees, my.getOpenUserInfo. */
export const avatarSource: AvatarSource = { openType: 'getAuthorize', scope: 'userInfo' }

interface OpenUserInfo {
  code?: string
  avatar?: string
  nickName?: string
}

/**
 * After the person agreed: my.getOpenUserInfo answers `{ response: '{"response":{"code":"10000","avatar":...,
 * "nickName":...}}' }` (a JSON string); the avatar is an https URL on Alipay's servers, downloaded and read as a
 * data URL so the function stores the image itself. Any other code (no authorization): nothing picked.
 */
export async function pickAvatar(_detail?: unknown): Promise<PickedAvatar | null> {
  const raw = (await (Taro as unknown as { getOpenUserInfo(): Promise<{ response: string }> }).getOpenUserInfo()).response
  const info = (JSON.parse(raw) as { response?: OpenUserInfo }).response
  if (info?.code !== '10000' || !info.avatar) return null
  const file = await Taro.downloadFile({ url: info.avatar })
  const image = fileDataUrl(file.tempFilePath, info.avatar)
  return image ? { image, nickname: info.nickName || undefined } : null
}

/** An avatar path the function sent ("/avatars/<key>"), as a URL on the function's host. */
export const avatarUrl = (path: string): string => `${functionOrigin}${path}`
