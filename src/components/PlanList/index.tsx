import { View, Text, Button } from '@tarojs/components'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import { translate, type Locale, type MessageKey } from '@/i18n'
import './index.css'

export interface PlanLine {
  from: string
  to: string
  amount: number
  state: 'open' | 'pending'
}

/** What a line offers: a button (with onClick), or a note without one (e.g. a confirmation waiting to sync). */
export interface LineAction {
  label: string
  onClick?: () => void
  primary?: boolean
}

/**
 * The settlement plan, the one list of the settlement: "A pays B ¥12.30", each with its state and what this person
 * can do about it (pay, remind, confirm), and the promise that paying it keeps it.
 */
export default function PlanList({
  plan,
  names,
  faces = {},
  me,
  currency,
  locale,
  actionOf,
  noteOf
}: {
  plan: PlanLine[]
  names: Record<string, string>
  faces?: Record<string, string | null | undefined>
  me: string
  currency: string
  locale: Locale
  actionOf?: (line: PlanLine) => LineAction | null
  /** A line's small print (e.g. who last reminded the payer, when). */
  noteOf?: (line: PlanLine) => string | null
}) {
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
      {plan.map((p) => {
        const action = actionOf?.(p) ?? null
        return (
          <View key={`${p.from}->${p.to}`} className='list-item' data-testid={`plan-${p.from}-${p.to}`}>
            <Avatar name={names[p.from] ?? '?'} src={faces[p.from]} size='sm' />
            <Text className='muted' style={{ margin: '0 12px' }}>→</Text>
            <Avatar name={names[p.to] ?? '?'} src={faces[p.to]} size='sm' />
            <View className='grow' style={{ margin: '0 16px 0 12px' }}>
              <Text className='ellipsis' style={{ display: 'block' }}>{p.from === me ? translate(locale, 'group.plan.youPay', { to: nameOf(p.to) }) : p.to === me ? translate(locale, 'group.plan.paysYou', { from: nameOf(p.from) }) : translate(locale, 'group.plan.line', { from: nameOf(p.from), to: nameOf(p.to) })}</Text>
              {noteOf?.(p) ? (
                <Text className='muted plan__note' data-testid={`plan-note-${p.from}-${p.to}`}>
                  {noteOf(p)}
                </Text>
              ) : null}
              <Text className={`badge${p.state === 'open' ? '' : ' badge--ok'}`} style={{ marginLeft: 0 }}>{translate(locale, p.state === 'pending' ? 'group.tracker.paid' : (`transfer.state.${p.state}` as MessageKey))}</Text>
              {action ? (
                action.onClick ? (
                  <Button className={`btn btn--small plan__action${action.primary ? ' btn--primary' : ' btn--secondary'}`} onClick={action.onClick} data-testid={`plan-action-${p.from}-${p.to}`}>
                    {action.label}
                  </Button>
                ) : (
                  <Text className='badge badge--muted plan__action' data-testid={`plan-action-${p.from}-${p.to}`}>
                    {action.label}
                  </Text>
                )
              ) : null}
            </View>
            <Money amount={p.amount} currency={currency} locale={locale} className={p.from === me ? 'tone-owes' : p.to === me ? 'tone-owed' : ''} />
          </View>
        )
      })}
      <Text className='muted' style={{ display: 'block', marginTop: '8px' }} data-testid='plan-kept'>
        {translate(locale, 'group.plan.kept')}
      </Text>
    </View>
  )
}
