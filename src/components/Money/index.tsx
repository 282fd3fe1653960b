import { Text } from '@tarojs/components'
import { formatMoney, spokenMoney } from '@/domain/money/format'
import type { Locale } from '@/i18n'
import { named } from '@/components/accessible-name'

/**
 * An amount in minor units, formatted for the currency; `tone` colors it by sign (owed green, owes red). Screen readers
 * get it in words ("负12.30元", "minus 12.30 yuan"), not its symbols.
 */
export default function Money({ amount, currency, locale, tone = false, className = '' }: { amount: number; currency: string; locale: Locale; tone?: boolean; className?: string }) {
  const toneClass = tone ? (amount > 0 ? ' tone-owed' : amount < 0 ? ' tone-owes' : ' tone-even') : ''
  return (
    <Text className={`money${toneClass} ${className}`} {...named(spokenMoney(amount, currency, locale), 'img')}>
      {formatMoney(amount, currency, locale)}
    </Text>
  )
}
