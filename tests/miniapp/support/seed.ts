/**
 * Seeding a group through the function's public API, as another client would: sign in with a platform code,
 * create a group with friends, add expenses split by shares. Amounts are integers in fen.
 */
import { randomBytes } from 'node:crypto'
import type { LocalFunction } from '../harness/function'

export interface SeededGroup {
  token: string
  groupId: string
  me: string
  members: { id: string; name: string }[]
}

interface GroupView {
  id: string
  me: string
  members: { id: string; name: string }[]
}

export const clientId = (): string => randomBytes(12).toString('base64url')

export async function signInAs(fn: LocalFunction, provider: 'wechat' | 'alipay', subject: string, name?: string): Promise<string> {
  const code = fn.accounts.issue(provider, subject)
  const out = await fn.call<{ token: string }>('signIn', { provider, code, ...(name ? { name } : {}) })
  return out.token
}

export async function seedGroup(
  fn: LocalFunction,
  owner: { provider: 'wechat' | 'alipay'; subject: string; name: string },
  options: { name: string; friends: string[]; expenses: number; concurrency?: number }
): Promise<SeededGroup> {
  const token = await signInAs(fn, owner.provider, owner.subject, owner.name)
  const { group } = await fn.call<{ group: GroupView }>(
    'createGroup',
    { clientId: clientId(), name: options.name, currency: 'CNY', emoji: '🧾', placeholders: options.friends },
    token
  )
  const ids = group.members.map((m) => m.id)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < options.expenses; i = next++) {
      const amount = 1000 + ((i * 7919) % 90000) // 10.00 to 909.99 yuan, in fen
      const payer = ids[i % ids.length]
      const shares = Object.fromEntries(ids.map((id, k) => [id, 1 + ((i + k) % 3)]))
      await fn.call(
        'addExpense',
        {
          groupId: group.id,
          clientId: clientId(),
          expense: { id: clientId(), amount, paidBy: { [payer]: amount }, split: { mode: 'shares', shares } },
          description: `Expense ${String(i + 1).padStart(4, '0')} · 晚饭和打车`,
          category: 'food'
        },
        token
      )
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  return { token, groupId: group.id, me: group.me, members: group.members }
}
