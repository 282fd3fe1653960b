import '@/i18n/invite'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import Avatar from '@/components/Avatar'
import SignInGate from '@/components/SignInGate'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { inviteLink, shareToChat, useInviteShare } from '@/platform/share'
import { api } from '@/services/api'
import { joinPath } from '@/services/nav'
import { notify, failureText, notifyFailure } from '@/services/notify'

import { newClientId } from '@/services/ids'

import { withConsent } from '@/store/privacy'
import './index.css'
import { useSession, useGroups } from '@/hooks/useStores'

function InviteScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  useTitle(t('invite.title'))
  const group = useGroups((s) => s.groups[groupId])
  const me = useSession((s) => s.user)
  const [invite, setInvite] = useState<{ inviteId: string; token: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [clientId] = useState(newClientId)

  useEffect(() => {
    api('createInvite', { groupId, clientId })
      .then((out) => setInvite({ inviteId: out.inviteId, token: out.token }))
      .catch((e) => setError(failureText(e, locale)))
  }, [groupId, clientId, locale, t])

  const title = t('invite.shareTitle', { name: me?.name ?? '', group: group?.name ?? '' })
  useInviteShare(invite ? { title, path: joinPath(invite.token) } : null)
  // A link where one opens the app: the preview's own URL; in the mini-programs, the platform's link made by the
  // function (a WeChat URL Link, an Alipay scheme link) where it can make one. The join code is always given too.
  const link = invite ? inviteLink(joinPath(invite.token)) : null
  const [platformLink, setPlatformLink] = useState<string | null>(null)
  useEffect(() => {
    if (!invite || link) return
    api('inviteLink', { groupId, token: invite.token })
      .then((out) => setPlatformLink(out.link))
      .catch(() => setPlatformLink(null))
  }, [invite, link, groupId])
  const names = { name: me?.name ?? '', group: group?.name ?? '' }
  const copied = link ?? (invite ? (platformLink ? t('invite.linkText', { ...names, link: platformLink, code: invite.token }) : t('invite.codeText', { ...names, code: invite.token })) : '')

  const copy = async () => {
    const done = await withConsent(() => Taro.setClipboardData({ data: copied })).catch(() => null)
    if (done === null) return
    notify(link || platformLink ? t('invite.copied') : t('invite.codeCopied'))
  }
  const revoke = async () => {
    if (!invite) return
    try {
      await api('revokeInvite', { groupId, clientId: newClientId(), inviteId: invite.inviteId })
      setInvite(null)
      notify(t('invite.revoked'))
    } catch (e) {
      notifyFailure(e, locale)
    }
  }

  return (
    <View className='page invite'>
      <View className='card invite__card'>
        <Text className='invite__emoji'>{group?.emoji ?? '💰'}</Text>
        <Text className='invite__name'>{group?.name}</Text>
        <View className='invite__members'>
          {(group?.members ?? []).slice(0, 8).map((m) => (
            <View key={m.id} className='invite__avatar'>
              <Avatar name={m.name} size='sm' dim={!m.userId} />
            </View>
          ))}
        </View>
        <Text className='invite__body'>{t('invite.body')}</Text>
        {error ? <Text className='field__error'>{error}</Text> : null}
        {invite && link && !shareToChat ? (
          <Text className='invite__link' selectable data-testid='invite-link'>
            {link}
          </Text>
        ) : null}
        {invite && !link ? (
          <View className='invite__code'>
            <Text className='muted'>{t('invite.code')}</Text>
            <Text className='invite__link' selectable data-testid='invite-code'>
              {invite.token}
            </Text>
          </View>
        ) : null}
      </View>
      {invite ? (
        <View className='invite__actions'>
          {shareToChat ? (
            <Button className='btn btn--primary btn--block' openType='share' data-testid='invite-share'>
              {t('invite.share')}
            </Button>
          ) : null}
          <Button className={`btn btn--block ${shareToChat ? 'btn--ghost' : 'btn--primary'}`} onClick={() => void copy()} data-testid='invite-copy'>
            {link || platformLink ? t('invite.copy') : t('invite.copyCode')}
          </Button>
          <Button className='btn btn--danger btn--block' onClick={() => void revoke()} data-testid='invite-revoke'>
            {t('invite.revoke')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function InvitePage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <InviteScreen groupId={params.groupId ?? ''} />
    </SignInGate>
  )
}
