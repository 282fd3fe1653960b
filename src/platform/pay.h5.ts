/**
 * H5 preview: the local sandbox wallet. Shows the order, and the person approves (the sandbox then sends the
 * provider-format notification to the function) or declines it. Same origin as the function (/sandbox/...).
 * Any order the sandbox made can be paid here: by our order id, WeChat's prepay_id or Alipay's trade_no.
 */
import Taro from '@tarojs/taro'
import { formatMoney } from '@/domain/money/format'
import { DEFAULT_PAY_TIMEOUT_MS, payMessage, withTimeout, type PayOptions, type PayParams, type PayResult, type TransferConfirm } from './pay-types'

export type { PayOptions, PayParams, PayResult, PayStatus, TransferConfirm } from './pay-types'

interface SandboxOrderView {
  orderId: string
  amount: number
  description: string
  state: 'open' | 'paid' | 'declined'
}

async function call<T>(path: string, method: 'GET' | 'POST'): Promise<T> {
  const res = await fetch(path, { method })
  const data = (await res.json().catch(() => ({}))) as T & { message?: string }
  if (!res.ok) throw new Error(data.message ?? `HTTP ${res.status}`)
  return data
}


export async function payOrder(params: PayParams, options: PayOptions = {}): Promise<PayResult> {
  const { locale = 'zh-CN' } = options
  const id = params.kind === 'sandbox' ? params.orderId : params.kind === 'alipay' ? params.tradeNO : params.package.replace(/^prepay_id=/, '')
  if (!id) return { status: 'failed', message: payMessage('wrongWallet', locale) }
  const base = `/sandbox/api/orders/${encodeURIComponent(id)}`
  const run = (async (): Promise<PayResult> => {
    try {
      const order = await call<SandboxOrderView>(base, 'GET')
      if (order.state === 'paid') return { status: 'paid' }
      const en = locale === 'en'
      const choice = await Taro.showModal({
        title: en ? 'Sandbox wallet' : '沙箱钱包',
        content: `${order.description}\n${formatMoney(order.amount, 'CNY', locale)}`,
        confirmText: en ? 'Approve' : '确认付款',
        cancelText: en ? 'Decline' : '取消'
      })
      if (!choice.confirm) {
        await call(`${base}/decline`, 'POST')
        return { status: 'cancelled', message: payMessage('cancelled', locale) }
      }
      const after = await call<SandboxOrderView>(`${base}/approve`, 'POST')
      return after.state === 'paid' ? { status: 'paid' } : { status: 'failed', message: payMessage('failed', locale) }
    } catch (err) {
      return { status: 'failed', message: payMessage('failed', locale, (err as Error).message) }
    }
  })()
  return withTimeout(run, options.timeoutMs ?? DEFAULT_PAY_TIMEOUT_MS, locale)
}

/** The payee confirms a sandbox WeChat transfer (what requestMerchantTransfer does in WeChat). */
export async function confirmTransfer(confirm: TransferConfirm, options: PayOptions = {}): Promise<PayResult> {
  const { locale = 'zh-CN' } = options
  if (!confirm.outBillNo) return { status: 'failed', message: payMessage('noConfirm', locale) }
  const run = call<{ state: string }>(`/sandbox/api/transfers/${encodeURIComponent(confirm.outBillNo)}/confirm`, 'POST').then(
    (r): PayResult => (r.state === 'SUCCESS' ? { status: 'paid' } : { status: 'failed', message: payMessage('failed', locale, r.state) }),
    (err): PayResult => ({ status: 'failed', message: payMessage('failed', locale, (err as Error).message) })
  )
  return withTimeout(run, options.timeoutMs ?? DEFAULT_PAY_TIMEOUT_MS, locale)
}
