/**
 * Whether a member can pay another in the app, and if not why: the one rule createPaymentOrder enforces and
 * payOptions shows, so the app offers the wallet button only when it can work (and says why otherwise).
 */
import type { UserRow } from '../ledger/users'
import { walletIdentity } from './identity'
import type { PaymentsRuntime } from './runtime'
import type { PayerIdentity, PayoutWallet } from './types'

export type PayChannel = PayoutWallet | 'sandbox'

/** Why in-app payment cannot work, as the error code createPaymentOrder answers. */
export type NotPayable = 'PAYMENTS_DISABLED' | 'PAYMENT_CURRENCY' | 'PAYMENT_WALLET' | 'PAYMENT_PAYER_IDENTITY'

/** The group can take in-app payments at all (a merchant is configured, the group is in CNY). */
export function groupPayable(rt: PaymentsRuntime, currency: string): NotPayable | null {
  if (rt.mode === 'off') return 'PAYMENTS_DISABLED'
  if (currency !== 'CNY') return 'PAYMENT_CURRENCY'
  return null
}

/** Where the payee receives: their chosen wallet; in the sandbox a payee without one receives in WeChat. */
export function payeeWallet(rt: PaymentsRuntime, payee: UserRow | null): PayoutWallet | undefined {
  if (!payee) return undefined
  const sandbox = rt.mode === 'sandbox'
  const wallet = payee.wallet === 'wechat' || payee.wallet === 'alipay' ? payee.wallet : sandbox ? 'wechat' : undefined
  if (!wallet || !rt.providers[wallet] || !walletIdentity(payee, wallet, sandbox)) return undefined
  return wallet
}

/** How the payer pays: the channel asked for (default: their wallet; the sandbox in dev), its wire and identity. */
export function payerRoute(
  rt: PaymentsRuntime,
  payer: UserRow,
  channel?: PayChannel
): { ok: true; channel: PayChannel; wire: PayoutWallet; identity: PayerIdentity } | { ok: false; code: NotPayable; message: string; server?: boolean } {
  const sandbox = rt.mode === 'sandbox'
  const chosen = channel ?? (payer.wallet === 'wechat' || payer.wallet === 'alipay' ? payer.wallet : sandbox ? 'sandbox' : undefined)
  if (!chosen) return { ok: false, code: 'PAYMENT_WALLET', message: 'Choose WeChat Pay or Alipay as your wallet to pay in the app' }
  if (chosen === 'sandbox' && !sandbox) return { ok: false, code: 'PAYMENT_WALLET', message: 'The sandbox wallet exists only in dev mode' }
  const wire: PayoutWallet = chosen === 'sandbox' ? (payer.wallet === 'alipay' ? 'alipay' : 'wechat') : chosen
  if (!rt.providers[wire]) return { ok: false, code: 'PAYMENT_WALLET', message: `${wire === 'wechat' ? 'WeChat Pay' : 'Alipay'} is not available on this server`, server: true }
  const identity = walletIdentity(payer, wire, sandbox)
  if (!identity) return { ok: false, code: 'PAYMENT_PAYER_IDENTITY', message: `Sign in with ${wire === 'wechat' ? 'WeChat' : 'Alipay'} to pay with it` }
  return { ok: true, channel: chosen, wire, identity }
}
