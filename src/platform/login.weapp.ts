import Taro from '@tarojs/taro'
import type { SignInCredentials } from './login-types'

/** WeChat: `Taro.login` gives a one-time code the function exchanges (code2Session) for the openid. */
export const needsName = false

export async function getCredentials(name?: string): Promise<SignInCredentials> {
  const res = await Taro.login()
  return { provider: 'wechat', code: res.code, ...(name ? { name } : {}) }
}
