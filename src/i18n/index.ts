import { zhCN } from './zh-CN'
import { en } from './en'
import type { zhCNExpense } from './expense.zh-CN'
import type { zhCNGroupNew } from './group-new.zh-CN'
import type { zhCNGroupSettings } from './group-settings.zh-CN'
import type { zhCNJoin } from './join.zh-CN'
import type { zhCNActivity } from './activity.zh-CN'
import type { zhCNInvite } from './invite.zh-CN'
import type { zhCNMe } from './me.zh-CN'
import type { zhCNPeople } from './people.zh-CN'
import type { zhCNSettle } from './settle.zh-CN'
import type { zhCNStats } from './stats.zh-CN'
import type { zhCNChanges } from './changes.zh-CN'
import type { zhCNCategories } from './categories.zh-CN'
import type { zhCNSearch } from './search.zh-CN'
import type { zhCNRecurring } from './recurring.zh-CN'
import type { MoneyLocale } from '@/domain/types'

/** The app's languages: one definition, the domain's (money is formatted in the same two). */
export type Locale = MoneyLocale
/** The main catalog's keys. */
export type Messages = Record<keyof typeof zhCN, string>
/**
 * Every key: the main catalog and the subpackage pages' catalogs, each registered by the pages that use it when
 * they load (src/i18n/<page>.ts), so their text stays out of the main package.
 */
export type MessageKey =
  | keyof typeof zhCN
  | keyof typeof zhCNSettle
  | keyof typeof zhCNInvite
  | keyof typeof zhCNMe
  | keyof typeof zhCNActivity
  | keyof typeof zhCNPeople
  | keyof typeof zhCNExpense
  | keyof typeof zhCNGroupNew
  | keyof typeof zhCNGroupSettings
  | keyof typeof zhCNJoin
  | keyof typeof zhCNStats
  | keyof typeof zhCNChanges
  | keyof typeof zhCNCategories
  | keyof typeof zhCNSearch
  | keyof typeof zhCNRecurring

const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': { ...zhCN }, en: { ...en } }

/** Adds the messages of a page group that loads later (a subpackage), so they stay out of the main package. */
export function addMessages(messages: Record<Locale, Partial<Record<MessageKey, string>>>): void {
  for (const locale of locales) Object.assign(catalogs[locale], messages[locale])
}

export const locales: Locale[] = ['zh-CN', 'en']
export const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' }

/** Singular forms, where a language has one: used when `count` is 1 ("1 person", not "1 people"). */
const singular: Record<Locale, Partial<Record<MessageKey, string>>> = {
  'zh-CN': {},
  en: { 'groups.members': '1 person', 'group.total': '1 expense' }
}

/** Looks up a message and fills `{name}` placeholders. zh-CN is the default and the fallback. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const one = params?.count === 1 ? singular[locale][key] : undefined
  const template = one ?? catalogs[locale]?.[key] ?? catalogs['zh-CN'][key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** True when the catalog has a message for `key`. */
function hasMessage(key: string): key is MessageKey {
  return key in catalogs['zh-CN']
}

/** The message for a stable error code (domain or API); unknown codes fall back to a generic message naming the code. */
export function translateError(locale: Locale, code: string): string {
  const key = `error.${code}`
  return hasMessage(key) ? translate(locale, key) : translate(locale, 'error.UNKNOWN', { code })
}

/** Picks the app locale from a system language string such as "zh_CN", "zh-Hans" or "en-US". */
export function localeFromSystem(language: string | undefined): Locale {
  return language && !/^zh/i.test(language) && /^[a-z]{2}/i.test(language) ? 'en' : 'zh-CN'
}
