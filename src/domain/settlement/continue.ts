import type { Balances, Transfer } from '../types'

/** A plan as it was suggested, with the balances it settles. */
export interface KeptPlan {
  balances: Balances
  transfers: readonly Transfer[]
}

/**
 * The rest of a suggested plan once some of its transfers were paid exactly as suggested (same from, to and
 * amount), or `null` when the balances moved in any other way (an expense changed, a payment that differs
 * from every suggestion, a member who joined with a balance): then the group needs a new plan.
 *
 * The plan is a forest (each of its parts settles in k - 1 transfers), so which transfers were paid is
 * determined by how each member's balance moved: a member at the end of a branch has one open transfer, and
 * either moved by exactly that transfer's amount (it was paid) or not at all (it was not). Peeling the branches
 * from the ends decides every transfer once. Paying a suggested transfer therefore never changes the other
 * suggestions, whatever algorithm made the plan.
 */
export function continuePlan(previous: KeptPlan, balances: Balances): Transfer[] | null {
  const delta = new Map<string, number>()
  for (const id of new Set([...Object.keys(previous.balances), ...Object.keys(balances)])) {
    const moved = (balances[id] ?? 0) - (previous.balances[id] ?? 0)
    if (moved !== 0) delta.set(id, moved)
  }
  const transfers = previous.transfers
  if (delta.size === 0) return [...transfers]
  const at = new Map<string, number[]>()
  transfers.forEach((t, i) => {
    for (const id of [t.from, t.to]) {
      const list = at.get(id)
      if (list) list.push(i)
      else at.set(id, [i])
    }
  })
  const decided = new Array<boolean>(transfers.length).fill(false)
  const paid = new Array<boolean>(transfers.length).fill(false)
  const openAt = (id: string) => (at.get(id) ?? []).filter((i) => !decided[i])
  const ends = [...at.keys()].filter((id) => openAt(id).length === 1)
  while (ends.length > 0) {
    const id = ends.pop()!
    const edges = openAt(id)
    if (edges.length !== 1) continue
    const i = edges[0]!
    const t = transfers[i]!
    // paying t moves `from` up by its amount and `to` down by it
    const own = id === t.from ? t.amount : -t.amount
    const other = id === t.from ? t.to : t.from
    const moved = delta.get(id) ?? 0
    decided[i] = true
    if (moved === own) {
      paid[i] = true
      delta.delete(id)
      const rest = (delta.get(other) ?? 0) + own
      if (rest === 0) delta.delete(other)
      else delta.set(other, rest)
    } else if (moved !== 0) return null
    if (openAt(other).length === 1) ends.push(other)
  }
  if (decided.some((d) => !d) || delta.size > 0) return null
  return transfers.filter((_, i) => !paid[i])
}
