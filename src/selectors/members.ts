import type { ExpenseView, MemberView } from '@/api/views'

/** Members who are in the group now (not left or removed). */
export function activeMembers<M extends Pick<MemberView, 'left'>>(members: readonly M[]): M[] {
  return members.filter((m) => !m.left)
}

/**
 * The members an expense form offers: everyone in the group now, and, when an existing expense is edited, those who
 * left but are in it (so it reads as it was; the function refuses a change to what they owe).
 */
export function selectableMembers<M extends Pick<MemberView, 'id' | 'left'>>(members: readonly M[], existing?: Pick<ExpenseView, 'expense' | 'shares'>): M[] {
  if (!existing) return activeMembers(members)
  const inIt = new Set([...Object.keys(existing.expense.paidBy), ...Object.keys(existing.shares)])
  return members.filter((m) => !m.left || inIt.has(m.id))
}
