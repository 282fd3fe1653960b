import { Button } from '@tarojs/components'
import { useState } from 'react'
import { AVATAR_MAX_CHARS } from '@/api/sizes'
import { useT } from '@/hooks/useT'
import { translateError } from '@/i18n'
import { avatarSource, pickAvatar } from '@/platform/avatar'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { notify } from '@/services/notify'
import { newClientId } from '@/services/ids'
import { useSession } from '@/hooks/useStores'

/**
 * The person picks their avatar with the platform's own picker (WeChat's avatar sheet, Alipay's user-info
 * authorization, a file on H5) and it is saved to their profile at once. `onNickname` gets the platform's
 * nickname where the picker gives one (Alipay), to offer as the name.
 */
export default function AvatarPicker({ onNickname }: { onNickname?: (nickname: string) => void }) {
  const { t, locale } = useT()
  const user = useSession((s) => s.user)
  const setUser = useSession((s) => s.setUser)
  const [busy, setBusy] = useState(false)

  const pick = async (detail: unknown) => {
    if (busy) return
    setBusy(true)
    try {
      const picked = await pickAvatar(detail)
      if (!picked) return
      if (picked.nickname) onNickname?.(picked.nickname)
      if (picked.image.length > AVATAR_MAX_CHARS) {
        notify(t('avatar.tooLarge'))
        return
      }
      setUser((await api('setWallet', { clientId: newClientId(), avatar: picked.image })).user)
      notify(t('avatar.saved'))
    } catch (e) {
      // closing the picker is not an error
      if (isCallError(e)) notify(translateError(locale, e.code))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button
      className='btn btn--small'
      openType={avatarSource.openType}
      scope={avatarSource.scope}
      loading={busy}
      onChooseAvatar={(e) => void pick(e.detail)}
      onGetAuthorize={() => void pick(null)}
      onClick={avatarSource.openType ? undefined : () => void pick(null)}
      data-testid='avatar-picker'
    >
      {t(user?.avatar ? 'avatar.change' : 'avatar.choose')}
    </Button>
  )
}
