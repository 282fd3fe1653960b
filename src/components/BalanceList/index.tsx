import { View, Text } from '@tarojs/components'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import { translate, type Locale } from '@/i18n'

interface Member {
  id: string
  name: string
  userId: string | null
  role?: 'organizer' | 'member'
  avatar?: string | null
}

/** Each member's balance: positive gets money back, negative owes. */
export default function BalanceList({ members, balances, me, currency, locale }: { members: Member[]; balances: Record<string, number>; me: string; currency: string; locale: Locale }) {
  const sorted = [...members].sort((a, b) => (balances[b.id] ?? 0) - (balances[a.id] ?? 0))
  return (
    <View className='card card--tight' data-testid='balances'>
      {sorted.map((m) => {
        const b = balances[m.id] ?? 0
        const label = b > 0 ? 'group.balance.owed' : b < 0 ? 'group.balance.owes' : 'group.balance.even'
        return (
          <View key={m.id} className='list-item' data-testid={`balance-${m.id}`}>
            <Avatar name={m.name} src={m.avatar} dim={!m.userId} />
            <View className='grow' style={{ marginLeft: '12px' }}>
              <Text>{m.id === me ? `${m.name}${translate(locale, 'common.meTag')}` : m.name}</Text>
              {m.role === 'organizer' ? <Text className='badge badge--ok' data-testid={`organizer-${m.id}`}>{translate(locale, 'group.organizer')}</Text> : null}
              {!m.userId ? <Text className='badge badge--muted'>{translate(locale, 'group.placeholder')}</Text> : null}
            </View>
            <View style={{ textAlign: 'right' }}>
              <Text className='muted' style={{ display: 'block' }}>{translate(locale, label)}</Text>
              <Money amount={Math.abs(b)} currency={currency} locale={locale} className={b > 0 ? 'tone-owed' : b < 0 ? 'tone-owes' : 'tone-even'} />
            </View>
          </View>
        )
      })}
    </View>
  )
}
