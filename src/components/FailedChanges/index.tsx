import { View, Text, Button } from '@tarojs/components'
import { translate, translateError, type Locale, type MessageKey } from '@/i18n'
import type { FailedMutation } from '@/store/queue'

const LABEL: Record<string, MessageKey> = { recordPayment: 'failed.payment', confirmPayment: 'failed.confirm', withdrawPayment: 'failed.withdraw', rejectPayment: 'failed.reject', deleteExpense: 'failed.delete' }

/** What a change was, in a few words: its description (expenses), else what kind of change it was. */
function what(m: FailedMutation, locale: Locale): string {
  const description = (m.input as { description?: unknown }).description
  return typeof description === 'string' && description ? description : translate(locale, LABEL[m.action] ?? 'failed.title')
}

/** Changes the function kept failing on, set aside so they do not block later ones: retry or discard each. */
export default function FailedChanges({
  items,
  locale,
  onRetry,
  onDiscard
}: {
  items: FailedMutation[]
  locale: Locale
  onRetry: (clientId: string) => void
  onDiscard: (clientId: string) => void
}) {
  if (items.length === 0) return null
  return (
    <View className='card card--warn' data-testid='failed-changes'>
      <Text className='section-title'>{translate(locale, 'failed.title')}</Text>
      {items.map((m) => (
        <View key={m.clientId} className='list-item' data-testid={`failed-${m.clientId}`}>
          <View className='grow'>
            <Text className='ellipsis' style={{ display: 'block' }}>
              {what(m, locale)}
            </Text>
            <Text className='muted'>{translateError(locale, m.reason)}</Text>
          </View>
          <Button className='btn btn--small' onClick={() => onRetry(m.clientId)} data-testid={`retry-${m.clientId}`}>
            {translate(locale, 'failed.retry')}
          </Button>
          <Button className='btn btn--small btn--ghost' onClick={() => onDiscard(m.clientId)} data-testid={`discard-${m.clientId}`}>
            {translate(locale, 'failed.discard')}
          </Button>
        </View>
      ))}
    </View>
  )
}
