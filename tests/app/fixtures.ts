/** Data shared by the app tests. */
import type { GroupSummary, GroupView } from '@/api/views'

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

/** A CNY group "Trip" (g1) as getGroup answers it, with the given members, balances and plan. */
export const groupView = (fields: Pick<GroupView, 'me' | 'members' | 'balances' | 'plan'> & Partial<GroupView>): GroupView => ({
  id: 'g1',
  name: 'Trip',
  currency: 'CNY',
  emoji: '🏕️',
  version: 5,
  createdAt: '2026-11-01T00:00:00.000Z',
  pendingPayments: [],
  expenseCount: 1,
  totalSpent: 0,
  ...fields
})
