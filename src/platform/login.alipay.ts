import Taro from '@tarojs/taro'
import type { SignInCredentials } from './login-types'

/** Alipay: `Taro.login` maps to `my.getAuthCode` (scope auth_base); its authCode goes to the function. */
export const needsName = false

export async function getCredentials(name?: string): Promise<SignInCredentials> {
  const res = (await Taro.login()) as { code?: string; authCode?: string }
  return { provider: 'alipay', code: res.code ?? res.authCode ?? '', ...(name ? { name } : {}) }
}
