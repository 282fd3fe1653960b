/**
 * Every platform variant against its one module type (src/platform/modules.ts): tsc resolves `@/platform/x` to the
 * `.h5` file only, so without this file a weapp or alipay variant could drift from the others unnoticed until a
 * build. Checked by `npm run typecheck` (this file is compiled, never run).
 */
import * as avatarAlipay from '@/platform/avatar.alipay'
import * as avatarH5 from '@/platform/avatar.h5'
import * as avatarWeapp from '@/platform/avatar.weapp'
import * as faultsAlipay from '@/platform/faults.alipay'
import * as faultsH5 from '@/platform/faults.h5'
import * as faultsWeapp from '@/platform/faults.weapp'
import * as fileAlipay from '@/platform/file.alipay'
import * as fileH5 from '@/platform/file.h5'
import * as fileWeapp from '@/platform/file.weapp'
import * as imageAlipay from '@/platform/image.alipay'
import * as imageH5 from '@/platform/image.h5'
import * as imageWeapp from '@/platform/image.weapp'
import * as loginAlipay from '@/platform/login.alipay'
import * as loginH5 from '@/platform/login.h5'
import * as loginWeapp from '@/platform/login.weapp'
import type { AvatarModule, FaultsModule, FileModule, ImageModule, LoginModule, PayModule, PickModule, PrivacyModule, ReceiptModule, RoleModule, ScreenModule, ShareModule, SubscribeModule, TargetModule, TransportModule } from '@/platform/modules'
import * as payAlipay from '@/platform/pay.alipay'
import * as payH5 from '@/platform/pay.h5'
import * as payWeapp from '@/platform/pay.weapp'
import * as pickAlipay from '@/platform/pick.alipay'
import * as pickH5 from '@/platform/pick.h5'
import * as pickWeapp from '@/platform/pick.weapp'
import * as privacyAlipay from '@/platform/privacy.alipay'
import * as privacyH5 from '@/platform/privacy.h5'
import * as privacyWeapp from '@/platform/privacy.weapp'
import * as receiptAlipay from '@/platform/receipt.alipay'
import * as receiptH5 from '@/platform/receipt.h5'
import * as receiptWeapp from '@/platform/receipt.weapp'
import * as roleAlipay from '@/platform/role.alipay'
import * as roleH5 from '@/platform/role.h5'
import * as roleWeapp from '@/platform/role.weapp'
import * as screenAlipay from '@/platform/screen.alipay'
import * as screenH5 from '@/platform/screen.h5'
import * as screenWeapp from '@/platform/screen.weapp'
import * as shareAlipay from '@/platform/share.alipay'
import * as shareH5 from '@/platform/share.h5'
import * as shareWeapp from '@/platform/share.weapp'
import * as subscribeAlipay from '@/platform/subscribe.alipay'
import * as subscribeH5 from '@/platform/subscribe.h5'
import * as subscribeWeapp from '@/platform/subscribe.weapp'
import * as targetAlipay from '@/platform/target.alipay'
import * as targetH5 from '@/platform/target.h5'
import * as targetWeapp from '@/platform/target.weapp'
import * as transportAlipay from '@/platform/transport.alipay'
import * as transportH5 from '@/platform/transport.h5'
import * as transportWeapp from '@/platform/transport.weapp'

export const variants: {
  avatar: AvatarModule[]
  faults: FaultsModule[]
  file: FileModule[]
  image: ImageModule[]
  login: LoginModule[]
  pay: PayModule[]
  pick: PickModule[]
  privacy: PrivacyModule[]
  receipt: ReceiptModule[]
  role: RoleModule[]
  screen: ScreenModule[]
  share: ShareModule[]
  subscribe: SubscribeModule[]
  target: TargetModule[]
  transport: TransportModule[]
} = {
  avatar: [avatarWeapp, avatarAlipay, avatarH5],
  faults: [faultsWeapp, faultsAlipay, faultsH5],
  file: [fileWeapp, fileAlipay, fileH5],
  image: [imageWeapp, imageAlipay, imageH5],
  login: [loginWeapp, loginAlipay, loginH5],
  pay: [payWeapp, payAlipay, payH5],
  pick: [pickWeapp, pickAlipay, pickH5],
  privacy: [privacyWeapp, privacyAlipay, privacyH5],
  receipt: [receiptWeapp, receiptAlipay, receiptH5],
  role: [roleWeapp, roleAlipay, roleH5],
  screen: [screenWeapp, screenAlipay, screenH5],
  share: [shareWeapp, shareAlipay, shareH5],
  subscribe: [subscribeWeapp, subscribeAlipay, subscribeH5],
  target: [targetWeapp, targetAlipay, targetH5],
  transport: [transportWeapp, transportAlipay, transportH5]
}
