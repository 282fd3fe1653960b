/** Who a member is at a wallet: their WeChat openid or Alipay user id, from how they signed in. */
import { createHash } from 'node:crypto'
import type { UserRow } from '../ledger/users'
import type { PayerIdentity, PayoutWallet } from './types'

/**
 * The member's identity at `wallet`, or undefined when they never signed in with it. In sandbox mode any
 * user gets a stable made-up identity (dev sign-ins have none).
 */
export function walletIdentity(user: Pick<UserRow, 'id' | 'provider' | 'subject'>, wallet: PayoutWallet, sandbox: boolean): PayerIdentity | undefined {
  if (wallet === 'wechat' && user.provider === 'wechat') return { openid: user.subject }
  if (wallet === 'alipay' && user.provider === 'alipay') {
    return /^2088\d{12}$/.test(user.subject) ? { alipayUserId: user.subject } : { alipayOpenId: user.subject }
  }
  if (!sandbox) return undefined
  const digits = BigInt(`0x${createHash('sha256').update(user.id).digest('hex').slice(0, 12)}`).toString().padStart(12, '0').slice(-12)
  return wallet === 'wechat' ? { openid: `sbx-${user.id}` } : { alipayUserId: `2088${digits}` }
}
