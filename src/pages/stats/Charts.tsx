import { View, Text } from '@tarojs/components'
import type { GroupStatsView } from '@/api/look-back'
import { named } from '@/components/accessible-name'
import { formatMoney, spokenMoney } from '@/domain/money/format'
import { minorDigits } from '@/domain/money/currencies'
import { translate, type Locale } from '@/i18n'
import { categoryLabel } from '@/i18n/categories'
import { categoryIcon } from '@/services/categories'

/**
 * The charts, drawn with Views: bars whose lengths are shares of the largest figure. They cost no library, render the
 * same on WeChat, Alipay and H5 (and in dark mode, from the palette), and each bar is read out with its figure.
 */
interface Common {
  stats: GroupStatsView
  locale: Locale
}

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0)
const width = (part: number, whole: number) => `${percentOf(part, whole).toFixed(2)}%`
const money = (amount: number, stats: GroupStatsView, locale: Locale) => formatMoney(amount, stats.currency, locale)

/** One stacked bar of the whole, a slice per category, and a row per category with its own bar. */
export function CategoryChart({ stats, locale }: Common) {
  const positive = stats.byCategory.filter((c) => c.total > 0)
  const whole = positive.reduce((a, c) => a + c.total, 0)
  const largest = Math.max(0, ...stats.byCategory.map((c) => c.total))
  return (
    <View data-testid='chart-category'>
      <View className='chart__stack'>
        {positive.map((c, i) => (
          <View key={c.category} className={`chart__slice chart-c${i % 8}`} style={{ width: width(c.total, whole) }} />
        ))}
      </View>
      {stats.byCategory.map((c, i) => {
        const name = categoryLabel(c.category, locale)
        const percent = `${Math.round(percentOf(c.total, whole))}%`
        return (
          <View key={c.category} className='chart__row' data-testid={`stat-category-${c.category}`} {...named(translate(locale, 'stats.bar', { name, amount: spokenMoney(c.total, stats.currency, locale), percent }), 'img')}>
            <Text className='chart__label ellipsis'>
              {categoryIcon(c.category)} {name}
            </Text>
            <View className='chart__track grow'>
              <View className={`chart__bar chart-c${i % 8}`} style={{ width: width(c.total, largest) }} />
            </View>
            <Text className='chart__figure'>{money(c.total, stats, locale)}</Text>
            <Text className='chart__percent muted'>{percent}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** One of a member's two bars: its tag, the bar (a share of the largest figure) and the amount. */
function PairBar({ tag, amount, largest, kind, stats, locale }: Common & { tag: string; amount: number; largest: number; kind: 'paid' | 'consumed' }) {
  return (
    <View className='chart__pair'>
      <Text className='chart__tag muted'>{tag}</Text>
      <View className='chart__track grow'>
        <View className={`chart__bar chart__bar--${kind}`} style={{ width: width(amount, largest) }} />
      </View>
      <Text className='chart__figure'>{money(amount, stats, locale)}</Text>
    </View>
  )
}

/** Per member, two bars: what they paid and what they consumed. */
export function MemberChart({ stats, locale, names }: Common & { names: Record<string, string> }) {
  const largest = Math.max(0, ...stats.byMember.flatMap((m) => [m.paid, m.consumed]))
  return (
    <View data-testid='chart-member'>
      {stats.byMember.map((m) => {
        const name = names[m.memberId] ?? '?'
        const spoken = translate(locale, 'stats.memberBar', { name, paid: spokenMoney(m.paid, stats.currency, locale), consumed: spokenMoney(m.consumed, stats.currency, locale) })
        return (
          <View key={m.memberId} className='chart__member' data-testid={`stat-member-${m.memberId}`} {...named(spoken, 'img')}>
            <Text className='chart__label ellipsis'>{name}</Text>
            <View className='grow'>
              <PairBar tag={translate(locale, 'stats.paid')} amount={m.paid} largest={largest} kind='paid' stats={stats} locale={locale} />
              <PairBar tag={translate(locale, 'stats.consumed')} amount={m.consumed} largest={largest} kind='consumed' stats={stats} locale={locale} />
            </View>
          </View>
        )
      })}
    </View>
  )
}

/** A short figure for a narrow column, in whole major units: 860, 1.2k / 1.2万 (the exact amount is read out). */
export function compactMoney(amount: number, currency: string, locale: Locale): string {
  const major = Math.round(amount / 10 ** minorDigits(currency))
  const abs = Math.abs(major)
  const [unit, suffix] = locale === 'zh-CN' ? [10_000, '万'] : [1_000, 'k']
  if (abs < unit) return String(major)
  return `${major < 0 ? '-' : ''}${(abs / unit).toFixed(abs < unit * 10 ? 1 : 0)}${suffix}`
}

/** The most recent months shown as columns (older ones are in the totals above). */
export const TREND_MONTHS = 12

/** A column per month, oldest to newest. */
export function MonthChart({ stats, locale }: Common) {
  const months = stats.byMonth.slice(-TREND_MONTHS)
  const largest = Math.max(0, ...months.map((m) => m.total))
  return (
    <View className='chart__months' data-testid='chart-month'>
      {months.map((m) => (
        <View key={m.month} className='chart__month' data-testid={`stat-month-${m.month}`} {...named(translate(locale, 'stats.monthBar', { month: m.month, amount: spokenMoney(m.total, stats.currency, locale) }), 'img')}>
          <Text className='chart__month-figure'>{compactMoney(m.total, stats.currency, locale)}</Text>
          <View className='chart__column-track'>
            <View className='chart__column' style={{ height: width(m.total, largest) }} />
          </View>
          <Text className='chart__month-label muted'>{m.month.slice(2).replace('-', '/')}</Text>
        </View>
      ))}
    </View>
  )
}
