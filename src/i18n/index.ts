import { zhCN } from './zh-CN'
import { en } from './en'

export type Locale = 'zh-CN' | 'en'
export type MessageKey = keyof typeof zhCN
export type Messages = Record<MessageKey, string>

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export const locales: Locale[] = ['zh-CN', 'en']

/** Looks up a message and fills `{name}` placeholders. zh-CN is the default and the fallback. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[locale]?.[key] ?? zhCN[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
