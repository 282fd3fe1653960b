/** What a platform's avatar picker gives: the picked image as a data URL, and the platform nickname where it gives one. */
export interface PickedAvatar {
  image: string
  nickname?: string
}

/**
 * How a person picks their avatar on this platform: the picker button's open-type (WeChat: `chooseAvatar`;
 * Alipay: `getAuthorize` with the `userInfo` scope), or none (H5: a tap opens the file picker).
 */
export interface AvatarSource {
  openType?: 'chooseAvatar' | 'getAuthorize'
  scope?: 'userInfo'
}
