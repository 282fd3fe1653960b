import { View, Text } from '@tarojs/components'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import { translate, type Locale, type MessageKey } from '@/i18n'

export interface PlanLine {
  from: string
  to: string
  amount: number
  state: string
}

/** The settlement plan: "A pays B ¥12.30", each with its state, and the promise that paying it keeps it. */
export default function PlanList({ plan, names, faces = {}, me, currency, locale }: { plan: PlanLine[]; names: Record<string, string>; faces?: Record<string, string | null | undefined>; me: string; currency: string; locale: Locale }) {
  if (plan.length === 0) {
    return (
      <View className='card'>
        <Text className='muted'>{translate(locale, 'group.plan.empty')}</Text>
      </View>
    )
  }
  const nameOf = (id: string) => (id === me ? translate(locale, 'common.you') : (names[id] ?? '?'))
  return (
    <View className='card card--tight' data-testid='plan'>
      {plan.map((p) => (
        <View key={`${p.from}->${p.to}`} className='list-item' data-testid={`plan-${p.from}-${p.to}`}>
          <Avatar name={names[p.from] ?? '?'} src={faces[p.from]} size='sm' />
          <Text style={{ margin: '0 12px', color: '#8f959e' }}>→</Text>
          <Avatar name={names[p.to] ?? '?'} src={faces[p.to]} size='sm' />
          <View className='grow' style={{ marginLeft: '12px' }}>
            <Text className='ellipsis' style={{ display: 'block' }}>{p.from === me ? translate(locale, 'group.plan.youPay', { to: nameOf(p.to) }) : p.to === me ? translate(locale, 'group.plan.paysYou', { from: nameOf(p.from) }) : translate(locale, 'group.plan.line', { from: nameOf(p.from), to: nameOf(p.to) })}</Text>
            <Text className={`badge${p.state === 'open' ? '' : ' badge--ok'}`} style={{ marginLeft: 0 }}>{translate(locale, p.state === 'pending' ? 'group.tracker.paid' : (`transfer.state.${p.state}` as MessageKey))}</Text>
          </View>
          <Money amount={p.amount} currency={currency} locale={locale} className={p.from === me ? 'tone-owes' : p.to === me ? 'tone-owed' : ''} />
        </View>
      ))}
      <Text className='muted' style={{ display: 'block', marginTop: '8px' }} data-testid='plan-kept'>
        {translate(locale, 'group.plan.kept')}
      </Text>
    </View>
  )
}
