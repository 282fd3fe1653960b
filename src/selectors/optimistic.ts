/**
 * Pending writes shown as if done: the queue is the source, so closing and reopening the app shows the same.
 */
import type { ActionInput, ExpenseView } from '@/api'
import { splitExpense } from '@/domain/split'
import type { Expense } from '@/domain/types'
import type { Mutation } from '@/store/queue'

export type ShownExpense = ExpenseView & { pending?: boolean }

function pendingView(m: Mutation, groupCurrency: string, me: string): ShownExpense {
  const input = m.input as unknown as { expense: Expense; description: string; category?: string; date?: string }
  let shares: Record<string, number> = {}
  try {
    shares = splitExpense(input.expense, groupCurrency)
  } catch {
    // the function will reject it and the user is told why
  }
  const at = new Date(m.createdAt).toISOString()
  return {
    id: input.expense.id,
    groupId: m.groupId,
    expense: input.expense,
    description: input.description,
    category: input.category ?? 'other',
    date: input.date ?? at.slice(0, 10),
    createdBy: me,
    createdAt: at,
    updatedAt: at,
    shares,
    pending: true
  }
}

/** Server items with the group's queued adds, edits and deletes applied, newest first. */
export function withPending(items: ExpenseView[], queue: Mutation[], groupId: string, groupCurrency: string, me: string): ShownExpense[] {
  const mine = queue.filter((m) => m.groupId === groupId)
  if (mine.length === 0) return items
  let shown: ShownExpense[] = items
  const added: ShownExpense[] = []
  for (const m of mine) {
    if (m.action === 'addExpense') {
      const v = pendingView(m, groupCurrency, me)
      if (!shown.some((x) => x.id === v.id)) added.push(v)
    } else if (m.action === 'editExpense') {
      const v = pendingView(m, groupCurrency, me)
      const replace = (x: ShownExpense) => (x.id === v.id ? { ...x, ...v, createdAt: x.createdAt, createdBy: x.createdBy } : x)
      shown = shown.map(replace)
      added.splice(0, added.length, ...added.map(replace))
    } else if (m.action === 'deleteExpense') {
      const id = (m.input as unknown as ActionInput<'deleteExpense'>).expenseId
      shown = shown.filter((x) => x.id !== id)
      added.splice(0, added.length, ...added.filter((x) => x.id !== id))
    }
  }
  if (added.length === 0) return shown
  // Pending adds go where their date puts them among the loaded items.
  const all = [...added, ...shown]
  return all.sort((a, b) => (a.date === b.date ? (a.pending === b.pending ? 0 : a.pending ? -1 : 1) : a.date < b.date ? 1 : -1))
}

/** Payments waiting in the queue, by "from->to", so the settle page can show them as already recorded. */
export function pendingTransfers(queue: Mutation[], groupId: string): Set<string> {
  const keys = new Set<string>()
  for (const m of queue) {
    if (m.groupId !== groupId || m.action !== 'recordPayment') continue
    const input = m.input as unknown as ActionInput<'recordPayment'>
    keys.add(`${input.from}->${input.to}`)
  }
  return keys
}

/**
 * What queued adds change before the function confirms them: the expense count and each member's balance
 * (paid - share). Adds in another currency wait for the function's conversion.
 */
export function pendingEffect(queue: Mutation[], groupId: string, groupCurrency: string): { added: number; deltas: Record<string, number> } {
  const deltas: Record<string, number> = {}
  let added = 0
  for (const m of queue) {
    if (m.groupId !== groupId || m.action !== 'addExpense') continue
    added += 1
    const { expense } = m.input as unknown as { expense: Expense }
    if (expense.currency && expense.currency !== groupCurrency) continue
    let shares: Record<string, number>
    try {
      shares = splitExpense(expense, groupCurrency)
    } catch {
      continue
    }
    for (const [id, paid] of Object.entries(expense.paidBy)) deltas[id] = (deltas[id] ?? 0) + paid
    for (const [id, owed] of Object.entries(shares)) deltas[id] = (deltas[id] ?? 0) - owed
  }
  return { added, deltas }
}
