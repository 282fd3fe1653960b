/** What signIn sends: the platform's proof of identity, or a display name for the local dev sign-in. */
export interface SignInCredentials {
  provider: 'wechat' | 'alipay' | 'dev'
  code?: string
  name?: string
}
