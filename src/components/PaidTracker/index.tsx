import { View, Text, Button } from '@tarojs/components'
import Avatar from '@/components/Avatar'
import Money from '@/components/Money'
import { translate, type Locale, type MessageKey } from '@/i18n'
import type { TrackerEntry } from '@/selectors/tracker'

export interface TrackerProps {
  entries: TrackerEntry[]
  names: Record<string, string>
  /** Avatars by member id (the paths the function sent). */
  faces?: Record<string, string | null | undefined>
  currency: string
  locale: Locale
  /** Per entry: may this person confirm it, and in which role (see selectors/tracker confirmRole). */
  confirmAs?: (entry: TrackerEntry) => 'payee' | 'organizer' | null
  /** Payment ids whose confirmation is queued (shown as waiting to sync, no second tap). */
  confirming?: ReadonlySet<string>
  onConfirm?: (entry: TrackerEntry) => void
}

/**
 * The payments under the plan: who says they paid, whose payment is confirmed (the transfers still owed are the plan,
 * shown once above). A payment waiting on its receiver gets a confirm action for the receiver, and for the
 * organizer on the receiver's behalf (cash).
 */
export default function PaidTracker({ entries, names, faces = {}, currency, locale, confirmAs, confirming, onConfirm }: TrackerProps) {
  if (entries.length === 0) {
    return (
      <View className='card'>
        <Text className='muted'>{translate(locale, 'group.tracker.none')}</Text>
      </View>
    )
  }
  const groups: TrackerEntry['status'][] = ['paid', 'confirmed']
  const confirmAction = (e: TrackerEntry) => {
    const role = confirmAs?.(e) ?? null
    if (!role || !e.paymentId) return null
    if (confirming?.has(e.paymentId)) return (
        <Text className='badge badge--muted' style={{ marginLeft: 0, marginTop: '12px', display: 'inline-block' }}>
          {translate(locale, 'common.pending')}
        </Text>
      )
    return (
      <Button className='btn btn--primary btn--small tracker__confirm' style={{ marginLeft: 0, marginTop: '12px' }} onClick={() => onConfirm?.(e)} data-testid={`tracker-confirm-${e.from}`}>
        {translate(locale, role === 'organizer' ? 'group.tracker.confirmCash' : 'group.tracker.confirm')}
      </Button>
    )
  }
  return (
    <View className='card card--tight' data-testid='tracker'>
      {groups.map((status) =>
        entries
          .filter((e) => e.status === status)
          .map((e) => (
            <View key={e.key} className='list-item' data-testid={`tracker-${status}-${e.from}`}>
              <Avatar name={names[e.from] ?? '?'} src={faces[e.from]} size='sm' />
              <View className='grow' style={{ marginLeft: '12px' }}>
                <Text className='ellipsis' style={{ display: 'block' }}>{translate(locale, 'group.plan.line', { from: names[e.from] ?? '?', to: names[e.to] ?? '?' })}</Text>
                {confirmAction(e)}
              </View>
              <Money amount={e.amount} currency={currency} locale={locale} />
              <Text className={`badge${status === 'paid' ? ' badge--muted' : ' badge--ok'}`}>{translate(locale, `group.tracker.${status}` as MessageKey)}</Text>
            </View>
          ))
      )}
    </View>
  )
}
