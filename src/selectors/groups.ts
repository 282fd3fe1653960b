import type { GroupSummary } from '@/api/views'

/** The list with the groups of the chat the app was opened from first (in the chat's order), the rest as they were. */
export function chatFirst(list: GroupSummary[], chatGroupIds: string[]): GroupSummary[] {
  if (chatGroupIds.length === 0) return list
  const rank = new Map(chatGroupIds.map((id, i) => [id, i]))
  const inChat = list.filter((g) => rank.has(g.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
  return [...inChat, ...list.filter((g) => !rank.has(g.id))]
}

