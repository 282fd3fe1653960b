/**
 * My uploaded collection QR code, for the Me page thumbnail. The profile says only whether there is one
 * (UserView.hasQr); the image comes back through getMemberQr in any group I am in (as the friends who pay
 * me see it), or from what this session uploaded (kept in the session store, not on the device).
 */
import { useCallback, useEffect } from 'react'
import { api } from '@/services/api'
import { groupsStore } from '@/store/groups'
import { useSession } from '@/hooks/useStores'

async function readMyQr(): Promise<string | null> {
  const groups = groupsStore.getState()
  if (!groups.listLoaded) await groups.loadList().catch(() => {})
  const group = groupsStore.getState().list[0]
  if (!group) return null
  const out = await api('getMemberQr', { groupId: group.id, memberId: group.me })
  return out.qrImage
}

/** The image (null when none or not read yet) and a setter that remembers what was just uploaded or removed. */
export function useMyQr(): [string | null, (image: string | null) => void] {
  const userId = useSession((s) => s.user?.id)
  const hasQr = useSession((s) => !!s.user?.hasQr)
  const known = useSession((s) => (s.myQr && s.myQr.userId === userId ? s.myQr : null))
  const remember = useSession((s) => s.rememberQr)

  useEffect(() => {
    if (!userId || !hasQr || known) return
    let live = true
    readMyQr()
      .then((image) => live && image && remember(userId, image))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [userId, hasQr, known, remember])

  const set = useCallback((image: string | null) => userId && remember(userId, image), [userId, remember])
  return [known?.image ?? null, set]
}
