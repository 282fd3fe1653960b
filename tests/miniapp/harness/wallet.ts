/**
 * The wallet sheet of each platform, played against the function's local sandbox wallet (cloud/payments/sandbox):
 * WeChat checks the merchant's paySign over appId, timeStamp, nonceStr and package before it shows the order,
 * then the user pays the order named by prepay_id; Alipay pays the trade named by tradeNO and answers a result code.
 * Paying makes the sandbox send the provider-format notification to the function, as the real provider would.
 */
import { createVerify, type KeyObject } from 'node:crypto'
import type { Wallet } from './host'

/** The part of the sandbox wallet the phone's wallet needs (structural, so the harness does not own the sandbox). */
export interface SandboxLike {
  keys: { wechat: { appId: string; merchant: { publicKey: KeyObject } } }
  order(id: string): Promise<{ wire: string; outTradeNo: string; providerId: string; amount: number; state: string } | undefined>
  /** Payouts the function sent to payees' wallets. */
  transfers(): Promise<Array<{ wire: string; amount: number; state: string }>>
  approve(outTradeNo: string): Promise<{ status: number; body: string }>
  confirmTransfer(outBillNo: string): Promise<unknown>
}

export interface PhoneWallet extends Wallet {
  /** What the user does at the next payment sheet: pay (default) or cancel. */
  next: 'pay' | 'cancel'
  /** Orders paid through this wallet (amounts in fen), in order. */
  readonly paid: { wire: 'wechat' | 'alipay'; outTradeNo: string; amount: number; notifyStatus: number }[]
}

export function sandboxPhoneWallet(sandbox: SandboxLike): PhoneWallet {
  const paid: PhoneWallet['paid'] = []
  const find = async (wire: string, providerId: string) => {
    const order = await sandbox.order(providerId)
    return order?.wire === wire ? order : undefined
  }

  const wallet: PhoneWallet = {
    next: 'pay',
    paid,
    async wechat(params) {
      const { timeStamp, nonceStr, package: pkg, signType, paySign } = params as Record<string, string>
      const message = `${sandbox.keys.wechat.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`
      const valid =
        signType === 'RSA' &&
        createVerify('RSA-SHA256').update(message).verify(sandbox.keys.wechat.merchant.publicKey, String(paySign), 'base64')
      if (!valid) throw new Error('支付验证签名失败')
      const order = await find('wechat', String(pkg).replace(/^prepay_id=/, ''))
      if (!order) throw new Error('订单不存在')
      if (order.state !== 'open') throw new Error('该订单已支付')
      if (take(wallet) === 'cancel') throw new Error('cancel')
      const reply = await sandbox.approve(order.outTradeNo)
      paid.push({ wire: 'wechat', outTradeNo: order.outTradeNo, amount: order.amount, notifyStatus: reply.status })
    },
    async alipay({ tradeNO }) {
      const order = tradeNO ? await find('alipay', tradeNO) : undefined
      if (!order) return '4000'
      if (order.state !== 'open') return '4000'
      if (take(wallet) === 'cancel') return '6001'
      const reply = await sandbox.approve(order.outTradeNo)
      paid.push({ wire: 'alipay', outTradeNo: order.outTradeNo, amount: order.amount, notifyStatus: reply.status })
      return '9000'
    },
    async wechatTransfer({ package: pkg }) {
      const decoded = Buffer.from(pkg, 'base64').toString('utf8')
      const outBillNo = decoded.replace(/^sandbox:/, '')
      if (take(wallet) === 'cancel') throw new Error('cancel')
      await sandbox.confirmTransfer(outBillNo)
    }
  }
  return wallet
}

function take(wallet: PhoneWallet): 'pay' | 'cancel' {
  const choice = wallet.next
  wallet.next = 'pay'
  return choice
}
