/**
 * The module each platform file implements (`<name>.weapp.ts`, `<name>.alipay.ts`, `<name>.h5.ts`): Taro's build
 * picks the target's file and tsc sees only the `.h5` one (tsconfig `moduleSuffixes`), so
 * tests/types/platform-variants.ts checks every variant against these types. Types only: nothing here is bundled.
 */
import type { Envelope, WireReply } from '@/services/wire'
import type { AvatarSource, PickedAvatar } from './avatar-types'
import type { SignInCredentials } from './login-types'
import type { PayOptions, PayParams, PayResult, TransferConfirm } from './pay-types'
import type { FaultListener } from './faults-types'
import type { FileDelivery } from './file-types'
import type { PickedText, PickSource } from './pick-types'
import type { AgreeButton } from './privacy-types'
import type { ReceiptPhoto } from './receipt-types'
import type { WindowSize } from './screen-types'
import type { ChatData, ShareMessage } from './share-types'
import type { SubscribeAnswers } from './subscribe-types'
import type { PlatformInfo } from './types'

export interface AvatarModule {
  avatarSource: AvatarSource
  pickAvatar(detail?: unknown): Promise<PickedAvatar | null>
  avatarUrl(path: string): string
}

export interface ImageModule {
  chooseImageDataUrl(): Promise<string | null>
}

export interface FaultsModule {
  /** Calls `report` for each uncaught error and unhandled promise rejection of the app. */
  listenForFaults(report: FaultListener): void
}

export interface FileModule {
  /** Whether handing a file over uses a privacy API (Alipay's clipboard). */
  deliveryIsPrivate: boolean
  /** Hands a file the app made (an export) to the person the way the platform allows. */
  deliverFile(name: string, content: string): Promise<FileDelivery>
}

export interface PickModule {
  pickSource: PickSource
  /** Whether picking uses a privacy API (WeChat's chooseMessageFile, Alipay's clipboard). */
  pickIsPrivate: boolean
  /** A text file (or pasted text) the person hands to the app; null when they closed the picker. */
  pickText(): Promise<PickedText | null>
}

export interface ReceiptModule {
  /** Up to `max` photos from the album or the camera, compressed on the phone; [] when the person closed the picker. */
  chooseReceiptPhotos(max: number): Promise<ReceiptPhoto[]>
}

export interface RoleModule {
  /** The attribute that gives a component its role for the platform's screen reader. */
  roleProps(role: string): Record<string, string>
}

export interface ScreenModule {
  /** The window's size, or null where the platform does not say. */
  windowSize(): WindowSize | null
}

export interface PrivacyModule {
  /** True where the platform itself raises the need for consent when a privacy API runs (WeChat). */
  platformAsks: boolean
  agreeButton: AgreeButton
  /** Registers the app's consent sheet as the answer to the platform's request (a no-op where it has none). */
  listenForConsent(ask: () => Promise<boolean>): void
  isPrivacyRefusal(error: unknown): boolean
}

export interface LoginModule {
  needsName: boolean
  getCredentials(name?: string): Promise<SignInCredentials>
}

export interface PayModule {
  payOrder(params: PayParams, options?: PayOptions): Promise<PayResult>
  confirmTransfer(confirm: TransferConfirm, options?: PayOptions): Promise<PayResult>
}

export interface ShareModule {
  shareToChat: boolean
  useInviteShare(message: ShareMessage | null): void
  /** A link that opens `path` for a friend outside the app, or null where the target has none (a join code is given instead). */
  inviteLink(path: string): string | null
  enteredChat(): Promise<ChatData | null>
}

export interface TargetModule {
  platform: PlatformInfo
}

export interface TransportModule {
  send(envelope: Envelope, token: string | null): Promise<WireReply>
}

export interface SubscribeModule {
  askToSubscribe(templateIds: string[]): Promise<SubscribeAnswers>
}
