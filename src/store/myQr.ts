/**
 * My uploaded collection QR code, for the Me page thumbnail. The profile says only whether there is one
 * (UserView.hasQr); the image comes back through getMemberQr in any group I am in (as the friends who pay
 * me see it), or from this session's upload.
 */
import { api } from '@/services/api'
import { useGroups } from './groups'

let uploaded: { userId: string; image: string | null } | null = null

/** Remembers what this device just uploaded (null after a removal). */
export function rememberMyQr(userId: string, image: string | null): void {
  uploaded = { userId, image }
}

/** My QR image, or null when none is stored or none can be read (no group yet). */
export async function loadMyQr(userId: string): Promise<string | null> {
  if (uploaded?.userId === userId) return uploaded.image
  const groups = useGroups.getState()
  if (!groups.listLoaded) await groups.loadList().catch(() => {})
  const group = useGroups.getState().list[0]
  if (!group) return null
  const out = await api('getMemberQr', { groupId: group.id, memberId: group.me })
  return out.qrImage
}
