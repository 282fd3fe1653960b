import { View, Text } from '@tarojs/components'
import type { CurrencyTotals } from '@/api/actions'
import Money from '@/components/Money'
import { useT } from '@/hooks/useT'
import './index.css'

/** The home page's glance: what I owe and am owed across all my groups, one row per currency (never converted). */
export default function Totals({ totals, onOpen }: { totals: CurrencyTotals[]; onOpen?: () => void }) {
  const { t, locale } = useT()
  if (totals.length === 0) {
    return (
      <View className='card totals' onClick={onOpen} data-testid='totals'>
        <Text className='totals__settled'>{t('groups.totals.settled')}</Text>
      </View>
    )
  }
  return (
    <View className='card totals' onClick={onOpen} data-testid='totals'>
      {totals.map((c) => (
        <View key={c.currency} className='totals__row' data-testid={`totals-${c.currency}`}>
          <View className='totals__cell'>
            <Text className='muted totals__label'>{t('groups.totals.owe')}</Text>
            <Money amount={c.owe} currency={c.currency} locale={locale} className={`totals__amount${c.owe > 0 ? ' tone-owes' : ''}`} />
          </View>
          <View className='totals__cell'>
            <Text className='muted totals__label'>{t('groups.totals.owed')}</Text>
            <Money amount={c.owed} currency={c.currency} locale={locale} className={`totals__amount${c.owed > 0 ? ' tone-owed' : ''}`} />
          </View>
        </View>
      ))}
      {onOpen ? <Text className='totals__more'>{t('groups.totals.byPerson')}</Text> : null}
    </View>
  )
}
