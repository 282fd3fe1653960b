import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import type { Locale } from '@/i18n'

/**
 * One transfer on the settle page: the other person (avatar and "付给 X" / "来自 X"), its state, the amount, and
 * below it whatever can be done about it (`children`: the ways to pay, confirm or reject, withdraw, collect).
 */
export default function TransferCard({
  testId,
  name,
  avatar,
  title,
  badge,
  badgeTone,
  amount,
  currency,
  locale,
  tone,
  children
}: {
  testId?: string
  name: string
  avatar?: string | null
  title: string
  badge: string
  badgeTone?: 'ok' | 'muted'
  amount: number
  currency: string
  locale: Locale
  /** Colour of the amount: what I owe, what I am owed. */
  tone?: 'owes' | 'owed'
  children?: ReactNode
}) {
  return (
    <View className='card transfer' data-testid={testId}>
      <View className='row'>
        <Avatar name={name} src={avatar} />
        <View className='grow transfer__who'>
          <Text className='transfer__title'>{title}</Text>
          <Text className={`badge${badgeTone ? ` badge--${badgeTone}` : ''}`} style={{ marginLeft: 0 }}>
            {badge}
          </Text>
        </View>
        <Money amount={amount} currency={currency} locale={locale} className={`transfer__amount${tone ? ` tone-${tone}` : ''}`} />
      </View>
      {children}
    </View>
  )
}
