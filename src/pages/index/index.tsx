import { View, Text, Button } from '@tarojs/components'
import { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { GroupSummary } from '@/api/views'
import Avatar from '@/components/Avatar'
import EmptyState from '@/components/EmptyState'
import Money from '@/components/Money'
import NamePrompt from '@/components/NamePrompt'
import SignInGate from '@/components/SignInGate'
import Totals from '@/components/Totals'
import { useFirstScreen } from '@/hooks/useFirstScreen'
import { useShowEffect } from '@/hooks/useShowEffect'
import { useT } from '@/hooks/useT'
import { nav } from '@/services/nav'
import { chatFirst } from '@/selectors/groups'

import { named } from '@/components/accessible-name'
import './index.css'
import { useSession, useGroups } from '@/hooks/useStores'

/** The cards a phone's screen shows at once (the first render draws no more). */
const FIRST_SCREEN = 6

/**
 * One group in the list: its cover, name, size and my balance there. As few nodes as it takes (the home page's first
 * setData is mostly these cards): text straight in its view (the muted lines are the views' own text, styled by the
 * view), the name's row only when it has a dot.
 */
function GroupCard({ g }: { g: GroupSummary }) {
  const { t, locale } = useT()
  const name = <Text className='gcard__name ellipsis'>{g.name}</Text>
  return (
    <View className={`card gcard${g.archived ? ' gcard--archived' : ''}`} onClick={() => nav.group(g.id)} data-testid={`group-${g.id}`}>
      <View className='gcard__emoji'>{g.emoji}</View>
      <View className='grow gcard__info'>
        {g.unread ? (
          <View className='row'>
            {name}
            <View className='gcard__dot' data-testid={`unread-${g.id}`} aria-label={t('groups.unread')} />
          </View>
        ) : (
          name
        )}
        {`${t('groups.members', { count: g.memberCount })} · ${g.currency}`}
      </View>
      <View className='gcard__balance'>
        {g.myBalance > 0 ? t('group.balance.owed') : g.myBalance < 0 ? t('group.balance.owes') : t('groups.settled')}
        {g.myBalance !== 0 ? <Money amount={Math.abs(g.myBalance)} currency={g.currency} locale={locale} className={`gcard__amount ${g.myBalance > 0 ? 'tone-owed' : 'tone-owes'}`} /> : null}
      </View>
    </View>
  )
}

function GroupsList() {
  const { t } = useT()
  const allGroups = useGroups((s) => s.list)
  const chatGroupIds = useGroups((s) => s.chatGroupIds)
  const loadChatGroups = useGroups((s) => s.loadChatGroups)
  // Opened from a card in a chat: that chat's ledgers come first.
  const list = chatFirst(allGroups, chatGroupIds)
  const loaded = useGroups((s) => s.listLoaded)
  const loadList = useGroups((s) => s.loadList)
  const loadMoreList = useGroups((s) => s.loadMoreList)
  const listLoading = useGroups((s) => s.listLoading)
  const totals = useGroups((s) => s.totals)
  const user = useSession((s) => s.user)
  // archived groups are listed apart, folded until asked for
  const current = list.filter((g) => !g.archived)
  const archived = list.filter((g) => g.archived)
  const [showArchived, setShowArchived] = useState(false)
  // a returning user's cached list: one screen of cards first, the rest right after
  const shown = useFirstScreen(FIRST_SCREEN)

  useShowEffect(() => {
    void loadList().catch(() => {})
    void loadChatGroups().catch(() => {})
  })
  usePullDownRefresh(() => {
    void loadList()
      .catch(() => {})
      .finally(() => Taro.stopPullDownRefresh())
  })
  // listGroups answers pages of 50: the bottom of the list asks for the next one.
  useReachBottom(() => {
    void loadMoreList().catch(() => {})
  })

  return (
    <View className='page groups'>
      <View className='row row--between groups__head'>
        <Text className='groups__title'>{t('groups.title')}</Text>
        <View className='groups__me' onClick={() => nav.me()} data-testid='open-me' {...named(t('common.me'), 'button')}>
          <Avatar name={user?.name ?? '?'} src={user?.avatar} />
        </View>
      </View>
      <NamePrompt />
      {list.length === 0 && loaded ? (
        <EmptyState icon='🧾' title={t('groups.empty.title')} body={t('groups.empty.body')}>
          <Button className='btn btn--primary' onClick={() => nav.groupNew()} data-testid='create-group'>
            {t('groups.create')}
          </Button>
          <Button className='btn btn--ghost' onClick={() => nav.joinByCode()} data-testid='join-by-code'>
            {t('groups.joinByCode')}
          </Button>
        </EmptyState>
      ) : (
        <View>
          {totals && list.length > 0 ? <Totals totals={totals} onOpen={() => nav.people()} /> : null}
          {current.slice(0, shown).map((g) => (
            <GroupCard key={g.id} g={g} />
          ))}
          {archived.length > 0 ? (
            <View className='groups__archived'>
              <View className='row row--between groups__archived-head' onClick={() => setShowArchived(!showArchived)} data-testid='toggle-archived'>
                <Text className='section-title'>{t('groups.archived', { count: archived.length })}</Text>
                <Text className='muted'>{showArchived ? '▾' : '▸'}</Text>
              </View>
              {showArchived ? archived.map((g) => <GroupCard key={g.id} g={g} />) : null}
            </View>
          ) : null}
          {listLoading ? (
            <View className='groups__more muted' data-testid='groups-loading'>
              {t('common.loading')}
            </View>
          ) : null}
          {list.length > 0 ? (
            <View className='fab-bar'>
              <Button className='btn btn--secondary' onClick={() => nav.joinByCode()} data-testid='join-by-code'>
                {t('groups.joinByCode')}
              </Button>
              <Button className='btn btn--primary' onClick={() => nav.groupNew()} data-testid='create-group'>
                ＋ {t('groups.create')}
              </Button>
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}

export default function GroupsPage() {
  return (
    <SignInGate>
      <GroupsList />
    </SignInGate>
  )
}
