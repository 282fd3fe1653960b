import '@/i18n/join'
import { View, Text, Button, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { InvitePreview } from '@/api/views'
import Avatar from '@/components/Avatar'
import NamePrompt from '@/components/NamePrompt'
import SignInGate from '@/components/SignInGate'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { translateError } from '@/i18n'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { joinCodeIn } from '@/services/joinCode'
import { nav } from '@/services/nav'
import { notify, notifyFailure } from '@/services/notify'

import { newClientId } from '@/services/ids'
import './index.css'
import { useGroups } from '@/hooks/useStores'

/** No link opens the mini-program from outside: a friend pastes the invitation (or types its code) here. */
function CodeForm({ error, onCode }: { error: string | null; onCode: (token: string) => void }) {
  const { t } = useT()
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const submit = () => {
    const code = joinCodeIn(text)
    setMissing(!code)
    if (code) onCode(code)
  }
  return (
    <View className='page join'>
      <View className='card join__card'>
        <Text className='join__emoji'>🔗</Text>
        <Text className='muted'>{t('join.codeHint')}</Text>
        <Input className='field__input join__code' value={text} placeholder={t('join.codePlaceholder')} onInput={(e) => setText(String(e.detail.value))} onConfirm={submit} data-testid='join-code' />
        {missing || error ? (
          <Text className='field__error' data-testid='join-code-error'>
            {missing ? t('join.codeMissing') : error}
          </Text>
        ) : null}
      </View>
      <View className='fab-bar'>
        <Button className='btn btn--primary' onClick={submit} data-testid='join-code-submit'>
          {t('join.codeSubmit')}
        </Button>
      </View>
    </View>
  )
}

function JoinScreen({ token: linked }: { token: string }) {
  const { t, locale } = useT()
  useTitle(t('join.title'))
  // From a card or a link the token comes with the page; opened from the home page, the person gives a code
  const [token, setToken] = useState(linked)
  const putGroup = useGroups((s) => s.putGroup)
  // Opened from a card in a WeChat chat: the group is linked to that chat (best effort, never blocks joining).
  const linkEnteredChat = useGroups((s) => s.linkEnteredChat)
  const [invite, setInvite] = useState<InvitePreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [claim, setClaim] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [clientId] = useState(newClientId)

  useEffect(() => {
    if (!token) return
    setError(null)
    api('previewInvite', { token })
      .then((out) => {
        setInvite(out.invite)
        if (out.invite.alreadyMember) {
          void linkEnteredChat(out.invite.groupId).catch(() => {})
          void nav.replaceWithGroup(out.invite.groupId)
        }
      })
      .catch((e) => {
        setError(isCallError(e) ? translateError(locale, e.code) : t('join.invalid'))
        // a typed code that does not work: back to the form, with the reason
        if (!linked) setToken('')
      })
  }, [token, linked, locale, t, linkEnteredChat])

  const join = async () => {
    setBusy(true)
    try {
      const { group } = await api('joinGroup', { token, clientId, ...(claim ? { claimMemberId: claim } : {}) })
      putGroup(group)
      void linkEnteredChat(group.id).catch(() => {})
      notify(t('join.joined'))
      void nav.replaceWithGroup(group.id)
    } catch (e) {
      notifyFailure(e, locale)
    } finally {
      setBusy(false)
    }
  }

  if (!token) return <CodeForm error={error} onCode={setToken} />
  if (error) {
    return (
      <View className='page'>
        <View className='card join__card'>
          <Text className='join__emoji'>🔗</Text>
          <Text className='join__name'>{t('join.invalid')}</Text>
          <Text className='muted'>{error}</Text>
        </View>
      </View>
    )
  }
  if (!invite) {
    return (
      <View className='page'>
        <Text className='muted'>{t('common.loading')}</Text>
      </View>
    )
  }
  return (
    <View className='page join'>
      <View className='card join__card'>
        <Text className='muted'>{t('join.invited')}</Text>
        <Text className='join__emoji'>{invite.emoji}</Text>
        <Text className='join__name' data-testid='join-group-name'>{invite.name}</Text>
        <Text className='muted'>
          {t('groups.members', { count: invite.memberCount })} · {invite.currency}
        </Text>
      </View>
      {/* joining under the platform's default name would give the group another "微信用户" */}
      {claim ? null : <NamePrompt />}
      {invite.placeholders.length > 0 ? (
        <View className='card'>
          <Text className='field__label'>{t('join.claim')}</Text>
          <Text className='muted' style={{ display: 'block', marginBottom: '16px' }}>{t('join.claimHint')}</Text>
          <View className='chips'>
            {invite.placeholders.map((p) => (
              <View key={p.id} className={`chip${claim === p.id ? ' chip--on' : ''}`} onClick={() => setClaim(claim === p.id ? null : p.id)} data-testid={`claim-${p.name}`}>
                <Avatar name={p.name} size='sm' />
                <Text style={{ marginLeft: '12px' }}>{p.name}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <View className='fab-bar'>
        <Button className='btn btn--primary' loading={busy} disabled={(busy) || undefined} onClick={() => void join()} data-testid='join-submit'>
          {claim ? t('join.title') : t('join.asNew')}
        </Button>
      </View>
    </View>
  )
}

export default function JoinPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <JoinScreen token={params.token ?? ''} />
    </SignInGate>
  )
}
