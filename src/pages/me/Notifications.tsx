import { View, Text, Button, Switch } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { MessageKind, NotifySettings } from '@/api/messages'
import Field from '@/components/Field'
import { useT } from '@/hooks/useT'
import { type MessageKey } from '@/i18n'
import { api } from '@/services/api'
import { newClientId } from '@/services/ids'
import { notifyFailure } from '@/services/notify'
import { askAndRecord, idsToAsk, loadNotifySettings, rememberNotifySettings } from '@/services/subscribe'
import { accessibleName } from '@/components/accessible-name'

/** The kinds of message, in the order shown (the function's MessageKind; the app bundles no schema). */
const KINDS: readonly MessageKind[] = ['reminder', 'expense', 'paid', 'confirmed']

/**
 * Which messages I want (each kind on or off, kept by the function), what I told the platform, and a button that
 * opens the platform's panel again (after a refusal, or once a one-time message was used).
 */
export function Notifications() {
  const { t, locale } = useT()
  const [settings, setSettings] = useState<NotifySettings | null>(null)
  useEffect(() => {
    void loadNotifySettings().then(setSettings)
  }, [])
  if (!settings) return null

  const toggle = async (kind: MessageKind, on: boolean) => {
    try {
      const next = await api('setNotifyPrefs', { clientId: newClientId(), prefs: { [kind]: on } })
      rememberNotifySettings(next)
      setSettings(next)
    } catch (e) {
      notifyFailure(e, locale)
    }
  }
  const ask = async () => {
    const next = await askAndRecord(idsToAsk(settings, true)).catch(() => null)
    if (next) setSettings(next)
  }
  const stateOf = (kind: MessageKind): MessageKey => {
    const c = settings.consents[kind]
    if (c?.state === 'accept' && c.credits > 0) return 'me.notify.state.accept'
    if (c?.state === 'reject' || c?.state === 'ban') return 'me.notify.state.reject'
    return 'me.notify.state.off'
  }
  const offered = KINDS.filter((k) => settings.platform === null || settings.templates[k])

  return (
    <View className='card' data-testid='me-notify'>
      <Field label={t('me.notify')}>
        {settings.platform === null ? <Text className='muted me__notify-note'>{t('me.notify.preview')}</Text> : null}
        {offered.map((kind) => (
          <View key={kind} className='row row--between me__notify-row' data-testid={`me-notify-${kind}`}>
            <View className='grow'>
              <Text className='me__notify-label'>{t(`me.notify.${kind}` as MessageKey)}</Text>
              {settings.platform ? <Text className='muted me__notify-state'>{t(stateOf(kind))}</Text> : null}
            </View>
            <Switch className='switch' checked={settings.prefs[kind] !== false} color='#0b7a5c' onChange={(e) => void toggle(kind, Boolean(e.detail.value))} data-testid={`me-notify-switch-${kind}`} {...accessibleName(t(`me.notify.${kind}` as MessageKey))} />
          </View>
        ))}
        {settings.platform && idsToAsk(settings, true).length > 0 ? (
          <Button className='btn btn--secondary btn--small me__notify-ask' onClick={() => void ask()} data-testid='me-notify-ask'>
            {t('me.notify.subscribe')}
          </Button>
        ) : null}
      </Field>
    </View>
  )
}
