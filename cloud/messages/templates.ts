/**
 * What each kind of message says, in the fields of the platform's template (docs/messages.md lists the keywords to
 * pick in each console). WeChat keys carry their type (thing: 20 characters, name: 10, amount: a symbol and digits);
 * Alipay's are keyword1..4 (50 characters each), in the same order.
 */
import type { MessageKind } from '../../src/api/messages'
import { toDecimalString } from '../../src/domain'

/** What the outbox row carries: enough to write the message without reading the group again. */
export interface MessagePayload {
  groupId: string
  groupName: string
  currency: string
  amount: number
  /** reminder: the payee; expense: the expense; paid: the payer; confirmed: the receiver. */
  subject: string
  /** Who did it (the person reminding, adding, paying, confirming). */
  actor: string
  /** The page the message opens, with its query. */
  page: string
}

const SYMBOL: Record<string, string> = { CNY: '¥', JPY: '¥', USD: '$', HKD: '$', TWD: '$', SGD: '$', AUD: '$', CAD: '$', EUR: '€', GBP: '£', KRW: '₩' }

/** "¥86.50": one currency symbol and the digits (WeChat's amount type). */
export function amountText(amount: number, currency: string): string {
  return `${SYMBOL[currency] ?? ''}${toDecimalString(Math.abs(amount), currency)}`
}

/** Cut to `max` characters (code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/[\u0000-\u001f]/g, ' ')]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** The four values of a message, in template order. */
function values(kind: MessageKind, p: MessagePayload): [string, string, string, string] {
  const amount = amountText(p.amount, p.currency)
  switch (kind) {
    case 'reminder':
      return [p.groupName, p.subject, amount, `${p.actor} 提醒你付款`]
    case 'expense':
      return [p.groupName, p.subject, amount, p.actor]
    case 'paid':
      return [p.groupName, p.subject, amount, '请确认是否收到']
    case 'confirmed':
      return [p.groupName, p.subject, amount, '已确认收到']
  }
}

/** WeChat keys per kind: type prefix + position (thing1, name2, amount3, thing4). */
const WECHAT_KEYS: Record<MessageKind, [string, string, string, string]> = {
  reminder: ['thing1', 'name2', 'amount3', 'thing4'],
  expense: ['thing1', 'thing2', 'amount3', 'name4'],
  paid: ['thing1', 'name2', 'amount3', 'thing4'],
  confirmed: ['thing1', 'name2', 'amount3', 'thing4']
}

const LIMIT: Record<string, number> = { thing: 20, name: 10, amount: 14 }

export function wechatData(kind: MessageKind, p: MessagePayload): Record<string, { value: string }> {
  const v = values(kind, p)
  return Object.fromEntries(WECHAT_KEYS[kind].map((key, i) => [key, { value: clip(v[i]!, LIMIT[key.replace(/\d+$/, '')] ?? 20) }]))
}

/** Alipay's data: a JSON string of keyword1..4, each at most 50 characters. */
export function alipayData(kind: MessageKind, p: MessagePayload): string {
  return JSON.stringify(Object.fromEntries(values(kind, p).map((v, i) => [`keyword${i + 1}`, { value: clip(v, 50) }])))
}

