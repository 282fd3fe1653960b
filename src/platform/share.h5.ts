import type { ChatData, ShareMessage } from './share-types'

/** H5 preview: no chat to share to; the invite is a link to copy (the hash route of the join page). */
export const shareToChat = false

export function useInviteShare(_message: ShareMessage | null): void {}

export function inviteLink(path: string): string {
  const { origin, pathname } = window.location
  return `${origin}${pathname}#${path}`
}

/** H5 preview: no chat identity comes with a shared card. */
export async function enteredChat(): Promise<ChatData | null> {
  return null
}
