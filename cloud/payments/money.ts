import { PaymentError } from './errors'

/** 1230 -> "12.30" (Alipay amounts are yuan strings with two decimals). */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen <= 0) throw new PaymentError('NOTIFY_AMOUNT', `amount must be a positive integer, got ${fen}`)
  const s = String(fen).padStart(3, '0')
  return `${s.slice(0, -2)}.${s.slice(-2)}`
}

/** "12.30" / "12.3" / "12" -> 1230; anything else is refused (never parsed as a float). */
export function yuanToFen(yuan: string): number {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(yuan).trim())
  if (!m) throw new PaymentError('NOTIFY_AMOUNT', `not an amount: ${JSON.stringify(yuan)}`)
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
