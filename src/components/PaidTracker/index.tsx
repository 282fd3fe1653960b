import { View, Text } from '@tarojs/components'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import { translate, type Locale, type MessageKey } from '@/i18n'

export interface TrackerEntry {
  key: string
  from: string
  to: string
  amount: number
  status: 'owes' | 'paid' | 'confirmed'
}

/** For whoever collects the money: who still owes, who says they paid, whose payment is confirmed. */
export default function PaidTracker({ entries, names, currency, locale }: { entries: TrackerEntry[]; names: Record<string, string>; currency: string; locale: Locale }) {
  if (entries.length === 0) {
    return (
      <View className='card'>
        <Text className='muted'>{translate(locale, 'group.tracker.none')}</Text>
      </View>
    )
  }
  const groups: TrackerEntry['status'][] = ['owes', 'paid', 'confirmed']
  return (
    <View className='card card--tight' data-testid='tracker'>
      {groups.map((status) =>
        entries
          .filter((e) => e.status === status)
          .map((e) => (
            <View key={e.key} className='list-item' data-testid={`tracker-${status}-${e.from}`}>
              <Avatar name={names[e.from] ?? '?'} size='sm' />
              <View className='grow' style={{ marginLeft: '12px' }}>
                <Text className='ellipsis' style={{ display: 'block' }}>{translate(locale, 'group.plan.line', { from: names[e.from] ?? '?', to: names[e.to] ?? '?' })}</Text>
              </View>
              <Money amount={e.amount} currency={currency} locale={locale} />
              <Text className={`badge${status === 'owes' ? '' : status === 'paid' ? ' badge--muted' : ' badge--ok'}`}>{translate(locale, `group.tracker.${status}` as MessageKey)}</Text>
            </View>
          ))
      )}
    </View>
  )
}
