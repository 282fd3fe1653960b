import { Text } from '@tarojs/components'
import { formatMoney } from '@/domain/money/format'
import type { Locale } from '@/i18n'

/** An amount in minor units, formatted for the currency; `tone` colors it by sign (owed green, owes red). */
export default function Money({ amount, currency, locale, tone = false, className = '' }: { amount: number; currency: string; locale: Locale; tone?: boolean; className?: string }) {
  const toneClass = tone ? (amount > 0 ? ' tone-owed' : amount < 0 ? ' tone-owes' : ' tone-even') : ''
  return <Text className={`money${toneClass} ${className}`}>{formatMoney(amount, currency, locale)}</Text>
}
