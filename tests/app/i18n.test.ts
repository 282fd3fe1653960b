/** zh-CN (default) and en: complete catalogs, every stable error code translated, dates in the locale. */
import { en } from '@/i18n/en'
import { zhCN } from '@/i18n/zh-CN'
import { enActivity } from '@/i18n/activity.en'
import { zhCNActivity } from '@/i18n/activity.zh-CN'
import { enInvite } from '@/i18n/invite.en'
import { zhCNInvite } from '@/i18n/invite.zh-CN'
import { enMe } from '@/i18n/me.en'
import { zhCNMe } from '@/i18n/me.zh-CN'
import { enPeople } from '@/i18n/people.en'
import { zhCNPeople } from '@/i18n/people.zh-CN'
import { enSettle } from '@/i18n/settle.en'
import { zhCNSettle } from '@/i18n/settle.zh-CN'
import { enExpense } from '@/i18n/expense.en'
import { zhCNExpense } from '@/i18n/expense.zh-CN'
import { enGroupNew } from '@/i18n/group-new.en'
import { enGroupSettings } from '@/i18n/group-settings.en'
import { zhCNGroupSettings } from '@/i18n/group-settings.zh-CN'
import { zhCNGroupNew } from '@/i18n/group-new.zh-CN'
import { enJoin } from '@/i18n/join.en'
import { zhCNJoin } from '@/i18n/join.zh-CN'

/** The subpackage pages' catalogs (zh-CN, en), each registered by src/i18n/<page>.ts when its page loads. */
const pageCatalogs: Record<string, [Record<string, string>, Record<string, string>]> = {
  settle: [zhCNSettle, enSettle],
  invite: [zhCNInvite, enInvite],
  me: [zhCNMe, enMe],
  activity: [zhCNActivity, enActivity],
  people: [zhCNPeople, enPeople],
  expense: [zhCNExpense, enExpense],
  'group-new': [zhCNGroupNew, enGroupNew],
  'group-settings': [zhCNGroupSettings, enGroupSettings],
  join: [zhCNJoin, enJoin]
}
const subCatalogs = Object.values(pageCatalogs)
import { localeFromSystem, translate, translateError, type MessageKey } from '@/i18n'
import { formatListDate } from '@/i18n/dates'
import { domainErrorCodes } from '@/domain'
import { API_ERROR_CODES } from '@/api/errors'

const domainCodes = [
  'MONEY_EMPTY', 'MONEY_FORMAT', 'MONEY_DECIMALS', 'MONEY_NEGATIVE', 'MONEY_ZERO', 'MONEY_TOO_LARGE', 'MONEY_NOT_INTEGER',
  'CURRENCY_UNKNOWN', 'RATE_INVALID', 'RATE_REQUIRED', 'PAYERS_EMPTY', 'PAYERS_TOTAL', 'UNKNOWN_MEMBER', 'SPLIT_EMPTY',
  'SPLIT_SHARES_INVALID', 'SPLIT_SHARES_ZERO', 'SPLIT_PERCENT_TOTAL', 'SPLIT_PERCENT_INVALID', 'SPLIT_EXACT_TOTAL',
  'SPLIT_ADJUST_TOO_LARGE', 'DUPLICATE_ID', 'DUPLICATE_MEMBER', 'PAYMENT_SELF', 'PAYMENT_AMOUNT', 'INVALID_ID'
]

test('both catalogs have the same keys and no empty message', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort())
  const seen = new Set(Object.keys(zhCN))
  const all = [...Object.entries(en), ...Object.entries(zhCN)]
  for (const [zh, english] of subCatalogs) {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort())
    all.push(...Object.entries(zh), ...Object.entries(english))
    // A subpackage catalog only adds keys: none shadows the main catalog or another subpackage's.
    for (const key of Object.keys(zh)) {
      expect([key, seen.has(key)]).toEqual([key, false])
      seen.add(key)
    }
  }
  for (const [key, text] of all) expect([key, text.trim().length > 0]).toEqual([key, true])
})

test.each(Object.keys(pageCatalogs))('the %s page\'s messages are there once its page has loaded (src/i18n/<page>.ts)', (page) => {
  const [zh, english] = pageCatalogs[page]
  const key = Object.keys(zh)[0] as MessageKey
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const i18n = require('@/i18n') as typeof import('@/i18n')
    expect(i18n.translate('en', key)).toBe(key)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(`@/i18n/${page}`)
    expect(i18n.translate('en', key)).toBe(english[key])
    expect(i18n.translate('zh-CN', key)).toBe(zh[key])
  })
})

test('every domain error code has its own message in both languages', () => {
  for (const code of domainCodes) {
    const zh = translateError('zh-CN', code)
    const e = translateError('en', code)
    expect(zh).not.toContain(code)
    expect(e).not.toContain(code)
    expect(zh).not.toBe(e)
  }
})

test('the domain has no error code the app cannot translate', () => {
  expect(domainErrorCodes.length).toBeGreaterThanOrEqual(domainCodes.length)
  for (const code of domainErrorCodes) {
    expect([code, translateError('en', code)]).not.toEqual([code, expect.stringMatching(/Something went wrong/)])
    expect([code, translateError('zh-CN', code)]).not.toEqual([code, expect.stringMatching(/出错了/)])
  }
})

test('unknown codes still read as a sentence that names the code', () => {
  expect(translateError('en', 'TEAPOT')).toBe('Something went wrong: TEAPOT')
  expect(translateError('zh-CN', 'TEAPOT')).toBe('出错了：TEAPOT')
})

test('placeholders are filled; zh-CN is the fallback', () => {
  expect(translate('en', 'group.plan.line', { from: 'Ann', to: 'Bo' })).toBe('Ann pays Bo')
  expect(translate('zh-CN', 'group.plan.line', { from: '小明', to: '小红' })).toBe('小明 付给 小红')
  expect(translate('fr' as 'en', 'groups.title')).toBe('我的账本')
})

test('the system language picks the locale, Chinese by default', () => {
  expect(localeFromSystem('zh_CN')).toBe('zh-CN')
  expect(localeFromSystem('zh-Hant')).toBe('zh-CN')
  expect(localeFromSystem('en-US')).toBe('en')
  expect(localeFromSystem(undefined)).toBe('zh-CN')
})

test('dates: relative for the last week, short this year, full before', () => {
  const now = new Date('2026-11-25T12:00:00').getTime()
  expect(formatListDate('2026-11-22', 'zh-CN', now)).toBe('3 天前')
  expect(formatListDate('2026-11-22', 'en', now)).toBe('3 days ago')
  expect(formatListDate('2026-11-25', 'zh-CN', now)).toBe('今天')
  expect(formatListDate('2026-11-24', 'en', now)).toBe('Yesterday')
  expect(formatListDate('2026-11-25T09:00:00', 'en', now)).toBe('3 hours ago')
  expect(formatListDate('2026-10-03', 'zh-CN', now)).toBe('10月3日')
  expect(formatListDate('2026-10-03', 'en', now)).toBe('Oct 3')
  expect(formatListDate('2025-12-31', 'zh-CN', now)).toBe('2025年12月31日')
})

test('every error code the function can answer a person with reads as a sentence in both languages, not a raw code', () => {
  // NOTIFY_* and SANDBOX_BAD_REQUEST answer the payment providers, never the app
  const shown = API_ERROR_CODES.filter((c) => !c.startsWith('NOTIFY_') && c !== 'SANDBOX_BAD_REQUEST')
  expect(shown).toEqual(expect.arrayContaining(['PAYMENT_PROVIDER', 'PAYMENTS_DISABLED', 'VERSION_CONFLICT']))
  for (const code of shown) {
    expect([code, translateError('en', code)]).not.toEqual([code, expect.stringContaining(code)])
    expect([code, translateError('zh-CN', code)]).not.toEqual([code, expect.stringContaining(code)])
  }
})

test('English counts say one person and one expense; Chinese has no singular form', () => {
  expect(translate('en', 'groups.members', { count: 1 })).toBe('1 person')
  expect(translate('en', 'groups.members', { count: 4 })).toBe('4 people')
  expect(translate('en', 'group.total', { count: 1 })).toBe('1 expense')
  expect(translate('en', 'group.total', { count: 0 })).toBe('0 expenses')
  expect(translate('zh-CN', 'group.total', { count: 1 })).toBe('共 1 笔')
})
