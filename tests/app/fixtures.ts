/** Data shared by the app tests. */
import type { GroupSummary, GroupView } from '@/api/views'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'

export interface Call {
  action: string
  input: Record<string, unknown>
}

/** An answer that refuses the call with this status and error code. */
export class Refuse {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: unknown
  ) {}
}

/**
 * Plays the function for a page test: records every call in `calls` and answers with `answer(action, input)`: the
 * reply's data (200 ok), a `Refuse`, or undefined for an action the test does not expect (404 UNKNOWN_ACTION).
 */
export function playFunction(calls: Call[], answer: (action: string, input: Record<string, unknown>) => unknown): void {
  setTransport(async (envelope: Envelope) => {
    const input = envelope.input as Record<string, unknown>
    calls.push({ action: envelope.action, input })
    const data = await answer(envelope.action, input)
    if (data instanceof Refuse) return { status: data.status, body: { ok: false as const, error: { code: data.code, message: envelope.action, ...(data.details === undefined ? {} : { details: data.details }) } } }
    if (data === undefined) return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: envelope.action } } }
    return { status: 200, body: { ok: true as const, data } }
  })
}

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
