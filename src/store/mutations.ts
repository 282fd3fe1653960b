/**
 * Writes to a group: applied optimistically (pages merge the queue into what they show), queued with a
 * client id, persisted, and sent by the queue until the function accepts them.
 */
import type { ActionInput, ActionOutput } from '@/api'
import type { Expense } from '@/domain/types'
import { translate, translateError } from '@/i18n'
import type { CallError } from '@/services/errors'
import { notify } from '@/services/notify'

import { newClientId } from '@/services/ids'
import { queueStore, configureQueue, type FailedMutation, type Mutation } from './queue'
import { sessionStore } from './session'
import { groupsStore } from './groups'

export interface ExpenseFields {
  description: string
  category: string
  date: string
}

function submit(m: Omit<Mutation, 'createdAt' | 'attempts' | 'nextAttemptAt' | 'clientId'> & { clientId?: string }) {
  const queued = queueStore.getState().enqueue(m.action, m.input, m.groupId)
  void queueStore.getState().flush()
  return queued
}

/** Minutes east of UTC on this device now (Asia/Shanghai: 480); every mini-program runtime has getTimezoneOffset. */
export const utcOffsetMinutes = (): number => -new Date().getTimezoneOffset() || 0

export function addExpense(groupId: string, expense: Expense, fields: ExpenseFields): Mutation {
  // The function dates an expense without a date "today" at the sender's offset, not the server's day.
  const input: ActionInput<'addExpense'> = { groupId, clientId: newClientId(), expense, ...fields, utcOffsetMinutes: utcOffsetMinutes() }
  return submit({ action: 'addExpense', input, groupId })
}

export function editExpense(groupId: string, expense: Expense, fields: ExpenseFields, expectedVersion?: number): Mutation {
  const input: ActionInput<'editExpense'> = { groupId, clientId: newClientId(), expense, expectedVersion, ...fields }
  return submit({ action: 'editExpense', input, groupId })
}

export function deleteExpense(groupId: string, expenseId: string, expectedVersion?: number): Mutation {
  const input: ActionInput<'deleteExpense'> = { groupId, clientId: newClientId(), expenseId, expectedVersion }
  return submit({ action: 'deleteExpense', input, groupId })
}

export function recordPayment(groupId: string, from: string, to: string, amount: number, method: 'cash' | 'direct' | 'wechat' | 'alipay'): Mutation {
  const input: ActionInput<'recordPayment'> = { groupId, clientId: newClientId(), from, to, amount, method }
  return submit({ action: 'recordPayment', input, groupId })
}

export function confirmPayment(groupId: string, paymentId: string): Mutation {
  const input: ActionInput<'confirmPayment'> = { groupId, clientId: newClientId(), paymentId }
  return submit({ action: 'confirmPayment', input, groupId })
}

/** The payer takes back a payment still waiting for the receiver. */
export function withdrawPayment(groupId: string, paymentId: string): Mutation {
  const input: ActionInput<'withdrawPayment'> = { groupId, clientId: newClientId(), paymentId }
  return submit({ action: 'withdrawPayment', input, groupId })
}

/** The receiver says a payment waiting for them did not arrive, and why (the payer sees it). */
export function rejectPayment(groupId: string, paymentId: string, reason: string): Mutation {
  const input: ActionInput<'rejectPayment'> = { groupId, clientId: newClientId(), paymentId, reason }
  return submit({ action: 'rejectPayment', input, groupId })
}

const locale = () => sessionStore.getState().locale

async function refreshGroup(groupId: string) {
  const groups = groupsStore.getState()
  await Promise.allSettled([groups.loadGroup(groupId), groups.refreshExpenses(groupId)])
}

/** What happens when the function answers a queued write. */
export function onAccepted(m: Mutation, data: unknown): void {
  const groups = groupsStore.getState()
  const version = (data as { version?: unknown }).version
  if (typeof version === 'number') {
    queueStore.getState().rebase(m.groupId, version - 1, version)
    const group = groups.groups[m.groupId]
    if (group && group.version === version - 1) groups.putGroup({ ...group, version })
  }
  const view = (data as Partial<ActionOutput<'addExpense'>>).expense
  if ((m.action === 'addExpense' || m.action === 'editExpense') && view) {
    groups.upsertExpense(view)
  } else if (m.action === 'deleteExpense') {
    groups.removeExpense(m.groupId, (data as ActionOutput<'deleteExpense'>).expenseId)
  }
  // Balances, the plan and payment states come from the function.
  void groups.loadGroup(m.groupId).catch(() => {})
}

export function onConflict(m: Mutation, _error: CallError): void {
  void refreshGroup(m.groupId)
  notify(translate(locale(), 'common.conflict'))
}

export function onRejected(m: Mutation, error: CallError): void {
  void refreshGroup(m.groupId)
  notify(translate(locale(), 'common.rejected', { reason: translateError(locale(), error.code) }))
}

export function onFailed(m: FailedMutation): void {
  notify(translate(locale(), 'common.failed', { reason: translateError(locale(), m.reason) }))
}

async function onUnauthenticated(): Promise<void> {
  await sessionStore.getState().renew()
}

/** Connects the queue to the stores; called once at launch (and by tests). */
export function wireQueue(): void {
  configureQueue({ onAccepted, onConflict, onRejected, onUnauthenticated, onFailed })
}
