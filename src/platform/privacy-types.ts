/** The consent sheet's agree button: WeChat's open-type that records the agreement with the platform, or a plain button. */
export interface AgreeButton {
  openType?: 'agreePrivacyAuthorization'
  id?: string
}
