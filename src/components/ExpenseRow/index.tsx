import { View, Text } from '@tarojs/components'
import { memo } from 'react'
import { formatMoney, spokenMoney } from '@/domain/money/format'
import { named } from '@/components/accessible-name'
import { formatListDate } from '@/i18n/dates'
import { translate, type Locale } from '@/i18n'
import { categoryIcon } from '@/services/categories'
import type { ShownExpense } from '@/selectors/optimistic'
import './index.css'

interface Props {
  item: ShownExpense
  names: Record<string, string>
  me: string
  groupCurrency: string
  locale: Locale
  now: number
  onOpen: (id: string) => void
}

/** One expense in the list: what, who paid, when, how much, and my share. Fixed height (the list is windowed). */
function ExpenseRow({ item, names, me, groupCurrency, locale, now, onOpen }: Props) {
  const e = item.expense
  const payers = Object.keys(e.paidBy)
  const currency = e.currency ?? groupCurrency
  // a refund (negative amount) was received by its "payers", not paid
  const refund = e.amount < 0
  const paid =
    payers.length !== 1
      ? translate(locale, refund ? 'group.receivedByMany' : 'group.paidByMany', { count: payers.length })
      : payers[0] === me
        ? translate(locale, refund ? 'group.receivedByYou' : 'group.paidByYou')
        : translate(locale, refund ? 'group.receivedBy' : 'group.paidBy', { name: names[payers[0]] ?? '?' })
  const mine = item.shares[me]
  return (
    <View className='xrow' onClick={() => onOpen(item.id)} data-testid={`expense-${item.id}`}>
      <View className='xrow__icon'>
        <Text>{categoryIcon(item.category)}</Text>
      </View>
      <View className='xrow__main grow'>
        <View className='row'>
          <Text className='xrow__title ellipsis'>{item.description}</Text>
          {item.pending ? <Text className='badge'>{translate(locale, 'common.pending')}</Text> : null}
        </View>
        <Text className='xrow__meta ellipsis'>
          {paid} · {formatListDate(item.date, locale, now)}
        </Text>
      </View>
      <View className='xrow__amounts'>
        <Text className='xrow__amount' {...named(spokenMoney(e.amount, currency, locale), 'img')}>{formatMoney(e.amount, currency, locale)}</Text>
        <Text className={`xrow__share${mine ? '' : ' tone-even'}`} {...(mine ? named(translate(locale, 'group.myShare', { amount: spokenMoney(mine, groupCurrency, locale) }), 'img') : {})}>
          {mine ? translate(locale, 'group.myShare', { amount: formatMoney(mine, groupCurrency, locale) }) : translate(locale, 'group.notInvolved')}
        </Text>
      </View>
    </View>
  )
}

export default memo(ExpenseRow)
