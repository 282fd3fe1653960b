import { View, Text, Button } from '@tarojs/components'
import { useState } from 'react'
import Field from '@/components/Field'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { roleProps } from '@/platform/role'
import { pickIsPrivate, pickSource, pickText } from '@/platform/pick'
import type { PickedText } from '@/platform/pick-types'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { newClientId } from '@/services/ids'
import { previewImport, type ImportPreview } from '@/services/importFile'
import { nav } from '@/services/nav'
import { failureText, notify } from '@/services/notify'
import { withConsent } from '@/store/privacy'

/**
 * A new group from an export: our own JSON, or a Splitwise CSV. The file is read on the phone to show what it is and
 * who is in it (the person says which one is them), then sent whole; the function imports it in one transaction or
 * refuses it naming the line, and nothing is half-imported.
 */
export function ImportCard({ name }: { name: string }) {
  const { t, locale } = useT()
  const putGroup = useGroups((s) => s.putGroup)
  const [file, setFile] = useState<(PickedText & { preview: ImportPreview }) | null>(null)
  const [me, setMe] = useState<string | null>(null)
  const [error, setError] = useState<{ text: string; detail?: string } | null>(null)
  const [busy, setBusy] = useState(false)
  // one client id per chosen file: a second tap (or a retry) imports it once
  const [clientId, setClientId] = useState(newClientId)

  const pick = async () => {
    setError(null)
    const picked = pickIsPrivate ? await withConsent(pickText) : await pickText()
    if (!picked) return
    const preview = previewImport(picked.content)
    if (!preview) {
      setFile(null)
      return setError({ text: t('groupNew.import.unknown') })
    }
    setFile({ ...picked, preview })
    setMe(null)
    setClientId(newClientId())
  }

  const submit = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const out = await api('importGroup', {
        clientId,
        format: file.preview.format,
        content: file.content,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(me ? { me } : {})
      })
      putGroup(out.group)
      notify(t('groupNew.import.done', { expenses: out.imported.expenses, payments: out.imported.payments }))
      void nav.replaceWithGroup(out.group.id)
    } catch (e) {
      // the function's own words name the line to fix
      setError({ text: failureText(e, locale), detail: isCallError(e) && e.status < 500 ? e.message : undefined })
    } finally {
      setBusy(false)
    }
  }

  const kind = file ? t(file.preview.format === 'json' ? 'groupNew.import.json' : 'groupNew.import.splitwise') : ''
  return (
    <View className='card' data-testid='import-card'>
      <Field label={t('groupNew.import')}>
        <Text className='muted import__hint'>{t('groupNew.import.hint')}</Text>
        {pickSource === 'clipboard' ? <Text className='muted import__hint'>{t('groupNew.import.clipboardHint')}</Text> : null}
        {file ? (
          <View className='import__file' data-testid='import-file'>
            <Text className='import__name'>{file.name || t('groupNew.import.pasted')}</Text>
            <Text className='muted'>
              {kind} · {t('groupNew.import.people', { count: file.preview.people.length })}
            </Text>
          </View>
        ) : null}
        {file && file.preview.people.length > 0 ? (
          <View>
            <Text className='field__label'>{t('groupNew.import.me')}</Text>
            <View className='chips'>
              {file.preview.people.map((p) => (
                <View key={p.key} className={`chip${me === p.key ? ' chip--on' : ''}`} onClick={() => setMe(p.key)} {...roleProps('radio')} aria-checked={me === p.key}>
                  <Text>{p.name}</Text>
                </View>
              ))}
              <View className={`chip${me === null ? ' chip--on' : ''}`} onClick={() => setMe(null)} {...roleProps('radio')} aria-checked={me === null}>
                <Text>{t('groupNew.import.notMe')}</Text>
              </View>
            </View>
          </View>
        ) : null}
        {error ? (
          <View className='import__error' data-testid='import-error'>
            <Text className='field__error'>{error.text}</Text>
            {error.detail ? <Text className='field__error import__detail'>{error.detail}</Text> : null}
          </View>
        ) : null}
        <View className='import__actions'>
          <Button className='btn btn--ghost btn--block' disabled={busy || undefined} onClick={() => void pick()} data-testid='import-pick'>
            {pickSource === 'clipboard' ? t('groupNew.import.pickClipboard') : t('groupNew.import.pickFile')}
          </Button>
          {file ? (
            <Button className='btn btn--primary btn--block' loading={busy} disabled={busy || undefined} onClick={() => void submit()} data-testid='import-submit'>
              {t('groupNew.import.submit')}
            </Button>
          ) : null}
        </View>
      </Field>
    </View>
  )
}
