import '@/i18n/people'
import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { PersonView } from '@/api/actions'
import Avatar from '@/components/Avatar'
import EmptyState from '@/components/EmptyState'
import Money from '@/components/Money'
import SignInGate from '@/components/SignInGate'
import { useShowEffect } from '@/hooks/useShowEffect'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { nav } from '@/services/nav'
import { usePeople } from '@/hooks/usePeople'
import './index.css'

/** One person: the net per currency, then each group's own transfers between us, with the way to settle there. */
function Person({ person }: { person: PersonView }) {
  const { t, locale } = useT()
  return (
    <View className='card person' data-testid={`person-${person.key}`}>
      <View className='row'>
        <Avatar name={person.name} src={person.avatar} dim={!person.userId} />
        <Text className='grow person__name'>{person.name}</Text>
      </View>
      {person.nets.map((n) => (
        <View key={n.currency} className='row row--between person__net' data-testid={`person-net-${n.currency}`}>
          <Text className='muted'>{n.amount > 0 ? t('people.owesYou') : n.amount < 0 ? t('people.youOwe') : t('people.even')}</Text>
          <Money amount={Math.abs(n.amount)} currency={n.currency} locale={locale} className={`person__amount ${n.amount > 0 ? 'tone-owed' : n.amount < 0 ? 'tone-owes' : ''}`} />
        </View>
      ))}
      {person.groups.map((g) => (
        <View key={g.groupId} className='person__group' data-testid={`person-group-${g.groupId}`}>
          <Text className='person__group-name'>
            {g.emoji} {g.groupName}
          </Text>
          {g.transfers.map((x) => (
            <View key={`${x.from}->${x.to}`} className='row row--between person__transfer'>
              <Text className='muted'>
                {x.to === g.memberId ? t('people.youPay', { name: person.name }) : t('people.theyPay', { name: person.name })}
                {x.state === 'pending' ? ` · ${t('people.waiting')}` : ''}
              </Text>
              <Money amount={x.amount} currency={g.currency} locale={locale} />
            </View>
          ))}
          <Button className='btn btn--ghost btn--small person__settle' onClick={() => nav.settle(g.groupId)} data-testid={`person-settle-${g.groupId}`}>
            {t('people.settle')}
          </Button>
        </View>
      ))}
    </View>
  )
}

function PeopleScreen() {
  const { t } = useT()
  useTitle(t('people.title'))
  const { people, failed, reload } = usePeople()
  useShowEffect(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  if (people === null) {
    return (
      <View className='page'>
        <Text className='muted'>{failed ? t('common.error') : t('common.loading')}</Text>
      </View>
    )
  }
  if (people.length === 0) {
    return (
      <View className='page'>
        <EmptyState icon='🤝' title={t('people.empty.title')} body={t('people.empty.body')} />
      </View>
    )
  }
  return (
    <View className='page people'>
      <Text className='muted people__hint'>{t('people.hint')}</Text>
      {people.map((p) => (
        <Person key={p.key} person={p} />
      ))}
    </View>
  )
}

export default function PeoplePage() {
  return (
    <SignInGate>
      <PeopleScreen />
    </SignInGate>
  )
}
