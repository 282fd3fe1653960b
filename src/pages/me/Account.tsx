import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Field from '@/components/Field'
import { useT } from '@/hooks/useT'
import { useSession } from '@/hooks/useStores'
import { useFileHandOver } from '@/hooks/useFileHandOver'
import { roleProps } from '@/platform/role'
import { api } from '@/services/api'
import { newClientId } from '@/services/ids'
import { nav } from '@/services/nav'
import { notify, notifyFailure } from '@/services/notify'

/**
 * The person's rights over their data: the privacy guide and the agreement, an export of everything the function
 * holds about them (fetched first, then handed over by a second tap, which the platforms' file and clipboard APIs
 * require), and deleting the account after a confirmation that says what happens.
 */
export function Account() {
  const { t, locale } = useT()
  const signOut = useSession((s) => s.signOut)
  const file = useFileHandOver((how) => notify(t(`file.${how}`)))
  const { ready, hand } = file
  const [deleting, setDeleting] = useState(false)
  const busy = file.busy || deleting

  const prepare = () =>
    file
      .prepare(async () => {
        const data = await api('exportMyData', {})
        return { name: `splitpay-my-data-${data.exportedAt.slice(0, 10)}.json`, content: JSON.stringify(data, null, 2) }
      })
      .catch((e) => notifyFailure(e, locale))

  const remove = async () => {
    const ask = await Taro.showModal({ title: t('me.delete.title'), content: t('me.delete.body'), confirmText: t('me.delete.confirm'), confirmColor: '#c9252d', cancelText: t('common.cancel') })
    if (!ask.confirm) return
    setDeleting(true)
    try {
      await api('deleteAccount', { clientId: newClientId(), confirm: 'DELETE' })
      signOut()
      notify(t('me.delete.done'))
      void nav.home()
    } catch (e) {
      notifyFailure(e, locale)
    } finally {
      setDeleting(false)
    }
  }

  return (
    <View className='card'>
      <Text className='section-title me__section'>{t('me.account')}</Text>
      <View className='list-item me__link' onClick={() => void nav.legal('privacy')} data-testid='me-privacy' {...roleProps('link')}>
        <Text className='grow'>{t('privacy.guide')}</Text>
        <Text className='muted'>›</Text>
      </View>
      <View className='list-item me__link' onClick={() => void nav.legal('terms')} data-testid='me-terms' {...roleProps('link')}>
        <Text className='grow'>{t('privacy.terms')}</Text>
        <Text className='muted'>›</Text>
      </View>
      <Field label={t('me.export')}>
        <Text className='muted me__hint'>{t('me.export.hint')}</Text>
        {ready ? (
          <Button className='btn btn--secondary btn--block' onClick={() => void hand()} data-testid='me-export-send'>
            {t('me.export.send')}
          </Button>
        ) : (
          <Button className='btn btn--ghost btn--block' loading={busy} disabled={busy || undefined} onClick={() => void prepare()} data-testid='me-export'>
            {t('me.export.prepare')}
          </Button>
        )}
      </Field>
      <Field label={t('me.delete')}>
        <Text className='muted me__hint'>{t('me.delete.hint')}</Text>
        <Button className='btn btn--danger btn--block me__delete' disabled={busy || undefined} onClick={() => void remove()} data-testid='me-delete'>
          {t('me.delete.button')}
        </Button>
      </Field>
    </View>
  )
}
