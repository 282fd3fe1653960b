/** A demo group for a fresh local function: members, a few expenses in several split modes, and an invite. */
import { randomBytes } from 'node:crypto'

type Rpc = <T = unknown>(action: string, input: unknown, token?: string) => Promise<T>

export function rpcClient(apiUrl: string): Rpc {
  return async (action, input, token) => {
    const res = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, input })
    })
    const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } }
    if (!body.ok) throw new Error(`${action}: ${body.error?.code} ${body.error?.message}`)
    return body.data as never
  }
}

const cid = () => randomBytes(16).toString('base64url')

export interface DemoInfo {
  groupId: string
  owner: string
  inviteToken: string
}

export async function seedDemo(apiUrl: string): Promise<DemoInfo> {
  const rpc = rpcClient(apiUrl)
  const owner = '小明'
  const { token } = await rpc<{ token: string }>('signIn', { provider: 'dev', name: owner })
  const { group } = await rpc<{ group: { id: string; me: string; members: { id: string; name: string }[] } }>(
    'createGroup',
    { clientId: cid(), name: '周末露营', currency: 'CNY', emoji: '🏕️', placeholders: ['小红', '阿杰', '莉莉'] },
    token
  )
  const id = (name: string) => group.members.find((m) => m.name === name)!.id
  const [ming, hong, jie, li] = [group.me, id('小红'), id('阿杰'), id('莉莉')]
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10)
  const expenses = [
    { description: '超市采购', category: 'groceries', date: day(6), expense: { amount: 45680, paidBy: { [ming]: 45680 }, split: { mode: 'equal', members: [ming, hong, jie, li] } } },
    { description: '营地费用', category: 'lodging', date: day(5), expense: { amount: 120000, paidBy: { [hong]: 80000, [ming]: 40000 }, split: { mode: 'equal', members: [ming, hong, jie, li] } } },
    { description: '烧烤食材', category: 'food', date: day(4), expense: { amount: 28800, paidBy: { [jie]: 28800 }, split: { mode: 'shares', shares: { [ming]: 2, [hong]: 1, [jie]: 1, [li]: 2 } } } },
    { description: '打车去营地', category: 'transport', date: day(3), expense: { amount: 8650, paidBy: { [li]: 8650 }, split: { mode: 'percent', basisPoints: { [ming]: 2500, [li]: 5000, [jie]: 2500 } } } },
    { description: '划船门票', category: 'tickets', date: day(1), expense: { amount: 6000, currency: 'USD', rate: '7.12', paidBy: { [ming]: 6000 }, split: { mode: 'exact', amounts: { [ming]: 1500, [hong]: 1500, [jie]: 1500, [li]: 1500 } } } },
    { description: '咖啡', category: 'food', date: day(0), expense: { amount: 12300, paidBy: { [hong]: 12300 }, split: { mode: 'adjust', members: [ming, hong, jie, li], adjustments: { [hong]: 1200 } } } }
  ]
  for (const e of expenses) {
    await rpc('addExpense', { groupId: group.id, clientId: cid(), ...e, expense: { id: cid(), ...e.expense } }, token)
  }
  const invite = await rpc<{ token: string }>('createInvite', { groupId: group.id, clientId: cid() }, token)
  return { groupId: group.id, owner, inviteToken: invite.token }
}
