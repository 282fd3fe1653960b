/**
 * What the platform globals (`wx`, `my`) need from the harness: the one place that holds the device state
 * (storage, pages, pending work), the network, the wallet and the user's answers to dialogs.
 */
import type { Target } from './bundle'
import type { Recorder } from './recorder'

export interface HttpRequest {
  url: string
  method: string
  headers: Record<string, string>
  body: string | undefined
  timeoutMs: number
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  text: string
}

export type NavigationKind = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch'

export interface ModalRequest {
  title?: string
  content?: string
  showCancel: boolean
  editable?: boolean
}
export interface ModalAnswer {
  confirm: boolean
  /** For an editable dialog (weapp showModal editable, alipay prompt): the text entered. */
  content?: string
}

export interface LaunchOptions {
  path: string
  query: Record<string, string>
  scene: number
  shareTicket?: string
}

/** The wallet app the platform opens for a payment. Resolves when the user has paid; rejects when cancelled. */
export interface Wallet {
  /** weapp: wx.requestPayment with the merchant-signed params. */
  wechat(params: Record<string, unknown>): Promise<void>
  /** alipay: my.tradePay({ tradeNO }); resolves to the result code ('9000' paid, '6001' cancelled, ...). */
  alipay(options: { tradeNO?: string; orderStr?: string }): Promise<string>
  /** weapp: wx.requestMerchantTransfer, the payee accepting a merchant transfer waiting for them. */
  wechatTransfer?(options: { mchId: string; appId: string; package: string }): Promise<void>
}

export interface PlatformHost {
  target: Target
  recorder: Recorder
  storage: Map<string, unknown>
  currentRoute(): string | undefined
  http(request: HttpRequest): Promise<HttpResponse>
  navigate(kind: NavigationKind, options: { url?: string; delta?: number }): Promise<void>
  /** The code the platform's login (wx.login / my.getAuthCode) hands out for the signed-in platform user. */
  loginCode(): string
  modal(request: ModalRequest): ModalAnswer
  actionSheet(items: string[]): number
  wallet: Wallet
  launchOptions(): LaunchOptions
  /** WeChat's encrypted data of the chat a card with this shareTicket was opened in (null: not known). */
  groupEnterInfo?(shareTicket: string): { encryptedData: string; iv: string } | null
  /** Image files the user picks from the album when the app asks (chooseImage / chooseMedia). */
  pickImages(): { path: string; bytes: Buffer }[]
  /** WeChat: files the user picks from a chat when the app asks (chooseMessageFile). */
  pickMessageFiles(): { name: string; path: string; bytes: Buffer }[]
  /** The phone's clipboard (the person may have copied something before the app reads it). */
  clipboard: { text: string }
  readFile(path: string): Buffer
  /** Writes a file in the mini-program's user data folder (FileSystemManager.writeFile*). */
  writeFile?(path: string, bytes: Buffer): void
  /** Alipay: the profile my.getOpenUserInfo answers once the user agreed (null: not authorized). */
  openUserInfo?(): { avatar: string; nickName: string } | null
  /** Downloads a file from the web into a local file; its path (throws for an unknown URL). */
  download?(url: string): string
  /** WeChat: the person's agreement to the privacy guide (privacy APIs wait for it). */
  privacy?: { agreed: boolean; buttonId?: string }
  /** Listeners the bundle registered with the onXxx / offXxx APIs, by their `on` name (the harness fires them). */
  listeners: Map<string, ((...args: unknown[]) => void)[]>
  /** Wraps platform work the app waits for (a request, a payment) so `settle()` can wait for it. */
  track<T>(work: Promise<T>): Promise<T>
}
