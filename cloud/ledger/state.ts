/** The derived state of a group (balances from the domain, the settlement plan) and the group view. */
import { avatarPath } from './users'
import type { GroupView, MemberView, PaymentView, PlanItem } from '../../src/api'
import { computeBalances, expenseTotal, type Expense } from '../../src/domain'
import type { Queryable } from '../store/db'
import type { CacheView, DerivedState } from './cache'
import { chatCount } from './chats'
import { liveExpenses } from './expenses'
import { listMembers, type GroupRow, type MemberRow } from './groups'
import { confirmedPayments, groupPayments, standingRejections } from './payments'
import { keptPlan } from './plans'
import { lastReminders } from './reminders'

/**
 * What the expenses consumed in all, in the group currency: each expense's converted total, which is what its
 * shares add up to by the split rule (src/domain/split), so nothing is split again here.
 */
export function spentOn(expenses: readonly Expense[], currency: string): number {
  let total = 0
  for (const e of expenses) total += expenseTotal(e, currency).total
  return total
}

/**
 * Balances for the group at its current version: from the cache, or recomputed by the domain. Members and
 * payments the caller already read are used on a miss; otherwise they are read only then (never on a hit).
 */
export async function deriveState(q: Queryable, cache: CacheView, group: GroupRow, members?: MemberRow[], payments?: PaymentView[]): Promise<DerivedState> {
  const hit = cache.get(group.id, group.version)
  if (hit) return hit
  await cache.settled(group.id, group.version)
  const settled = cache.get(group.id, group.version)
  if (settled) return settled
  const expenses = await liveExpenses(q, group.id)
  const balances = computeBalances({
    members: (members ?? (await listMembers(q, group.id))).map((m) => m.id),
    expenses,
    payments: confirmedPayments(payments ?? (await groupPayments(q, group.id))),
    currency: group.currency
  })
  const state: DerivedState = { version: group.version, balances, expenseCount: expenses.length, totalSpent: spentOn(expenses, group.currency) }
  cache.set(group.id, state)
  return state
}

export interface WalletInfo {
  wallet: 'wechat' | 'alipay' | 'cash'
  hasQr: boolean
  avatarKey: string | null
}

async function wallets(q: Queryable, members: MemberRow[]): Promise<Map<string, WalletInfo>> {
  const ids = members.map((m) => m.user_id).filter((u): u is string => u !== null)
  const map = new Map<string, WalletInfo>()
  if (ids.length === 0) return map
  const res = await q.query<{ id: string; wallet: WalletInfo['wallet']; has_qr: boolean; avatar_key: string | null }>(
    'SELECT id, wallet, qr_image IS NOT NULL AS has_qr, avatar_key FROM users WHERE id = ANY($1::text[])',
    [ids]
  )
  for (const r of res.rows) map.set(r.id, { wallet: r.wallet, hasQr: r.has_qr, avatarKey: r.avatar_key })
  return map
}

export function memberView(m: MemberRow, w: Map<string, WalletInfo>): MemberView {
  const info = m.user_id ? w.get(m.user_id) : undefined
  return { id: m.id, name: m.name, userId: m.user_id, wallet: info?.wallet ?? null, hasQr: info?.hasQr ?? false, role: m.role, avatar: avatarPath(info?.avatarKey ?? null), ...(m.left_at ? { left: true } : {}) }
}

/**
 * The plan a group shows (its kept plan), each transfer with its state: 'pending' while a payment between the two
 * waits on its receiver, otherwise 'open'. The group view and the people view both show it.
 */
export async function shownPlan(q: Queryable, group: GroupRow, balances: DerivedState['balances'], payments: PaymentView[]): Promise<PlanItem[]> {
  const waiting = new Set(payments.filter((p) => p.status === 'pending').map((p) => `${p.from}\u0001${p.to}`))
  return (await keptPlan(q, group, balances)).map((t) => ({ from: t.from, to: t.to, amount: t.amount, state: waiting.has(`${t.from}\u0001${t.to}`) ? 'pending' : 'open' }))
}

export async function buildGroupView(q: Queryable, cache: CacheView, group: GroupRow, meId: string): Promise<GroupView> {
  const members = await listMembers(q, group.id)
  const payments = await groupPayments(q, group.id)
  const state = await deriveState(q, cache, group, members, payments)
  const w = await wallets(q, members)
  const pending = payments.filter((p) => p.status === 'pending')
  const plan = await shownPlan(q, group, state.balances, payments)
  return {
    id: group.id,
    name: group.name,
    currency: group.currency,
    emoji: group.emoji,
    version: group.version,
    createdAt: group.created_at,
    me: meId,
    members: members.map((m) => memberView(m, w)),
    balances: state.balances,
    plan,
    pendingPayments: pending,
    rejectedPayments: standingRejections(payments),
    expenseCount: state.expenseCount,
    totalSpent: state.totalSpent,
    chats: await chatCount(q, group.id),
    archived: Boolean(group.archived_at),
    // only the transfers of the plan shown (none: no query)
    reminders: plan.length === 0 ? [] : (await lastReminders(q, group.id)).filter((r) => plan.some((t) => t.from === r.from && t.to === r.to))
  }
}
