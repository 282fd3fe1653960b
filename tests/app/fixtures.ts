/** Data shared by the app tests. */
import type { GroupSummary } from '@/api/views'

/** A settled two-member CNY group as listGroups answers it: `g<i>`, "Group <i>". */
export const groupSummary = (i: number, createdAt: string): GroupSummary => ({
  id: `g${i}`,
  name: `Group ${i}`,
  currency: 'CNY',
  emoji: '🍲',
  version: 1,
  me: 'm',
  memberCount: 2,
  myBalance: 0,
  createdAt
})
