import '@/i18n/stats'
import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { GroupStatsView } from '@/api/look-back'
import EmptyState from '@/components/EmptyState'
import Field from '@/components/Field'
import Money from '@/components/Money'
import Segmented from '@/components/Segmented'
import SignInGate from '@/components/SignInGate'
import { useFileHandOver } from '@/hooks/useFileHandOver'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { memberLookup } from '@/selectors/names'
import { useTitle } from '@/hooks/useTitle'
import { api } from '@/services/api'
import { notify, notifyFailure } from '@/services/notify'
import { CategoryChart, MemberChart, MonthChart } from './Charts'
import { periodRange, periods, type Period } from './period'
import './index.css'

/** The group's spending for a period: totals, by category, by member and by month; and the group's export. */
function StatsScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  useTitle(t('stats.title'))
  const members = useGroups((s) => s.groups[groupId]?.members)
  const names = useMemo(() => memberLookup(members ?? []).names, [members])
  const [period, setPeriod] = useState<Period>('all')
  const [stats, setStats] = useState<GroupStatsView | null>(null)

  const load = useCallback(async () => {
    try {
      setStats(await api('groupStats', { groupId, ...periodRange(period) }))
    } catch (e) {
      notifyFailure(e, locale)
    }
  }, [groupId, period, locale])
  useEffect(() => void load(), [load])
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const file = useFileHandOver((how) => notify(t(`file.${how}`)))
  const prepare = (format: 'csv' | 'json') =>
    file
      .prepare(async () => {
        const out = await api('exportGroup', { groupId, format })
        return { name: out.filename, content: out.content }
      })
      .catch((e) => notifyFailure(e, locale))

  return (
    <View className='page stats'>
      <Segmented testId='stats-period' value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: t(`stats.period.${p}`) }))} />
      {stats === null ? (
        <Text className='muted'>{t('common.loading')}</Text>
      ) : (
        <View>
          <View className='card stats__summary'>
            <View className='stats__figure' data-testid='stats-total'>
              <Text className='muted'>{t('stats.total')}</Text>
              <Money amount={stats.total} currency={stats.currency} locale={locale} className='stats__big' />
              <Text className='muted'>{t('stats.count', { count: stats.count })}</Text>
            </View>
            <View className='stats__figure' data-testid='stats-mine'>
              <Text className='muted'>{t('stats.myConsumed')}</Text>
              <Money amount={stats.mine.consumed} currency={stats.currency} locale={locale} className='stats__big' />
              <Text className='muted'>
                {t('stats.myPaid')} <Money amount={stats.mine.paid} currency={stats.currency} locale={locale} />
              </Text>
            </View>
          </View>
          {stats.count === 0 ? (
            <EmptyState icon='📊' title={t('stats.empty')} body='' />
          ) : (
            <View>
              <View className='card'>
                <Text className='section-title'>{t('stats.byCategory')}</Text>
                <CategoryChart stats={stats} locale={locale} />
              </View>
              <View className='card'>
                <Text className='section-title'>{t('stats.byMember')}</Text>
                <Text className='muted stats__legend'>{t('stats.memberLegend')}</Text>
                <MemberChart stats={stats} locale={locale} names={names} />
              </View>
              <View className='card'>
                <Text className='section-title'>{t('stats.byMonth')}</Text>
                <MonthChart stats={stats} locale={locale} />
              </View>
            </View>
          )}
        </View>
      )}
      <View className='card'>
        <Field label={t('stats.export')}>
          <Text className='muted stats__legend'>{t('stats.export.hint')}</Text>
          {file.ready ? (
            <Button className='btn btn--secondary btn--block' onClick={() => void file.hand().then(file.reset)} data-testid='export-send'>
              {t('stats.export.send', { name: file.ready.name })}
            </Button>
          ) : (
            <View className='row stats__export'>
              <Button className='btn btn--ghost grow' loading={file.busy} disabled={file.busy || undefined} onClick={() => void prepare('csv')} data-testid='export-csv'>
                {t('stats.export.csv')}
              </Button>
              <Button className='btn btn--ghost grow' disabled={file.busy || undefined} onClick={() => void prepare('json')} data-testid='export-json'>
                {t('stats.export.json')}
              </Button>
            </View>
          )}
        </Field>
      </View>
    </View>
  )
}

export default function StatsPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <StatsScreen groupId={params.groupId ?? ''} />
    </SignInGate>
  )
}
