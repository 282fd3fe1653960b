/**
 * Derived ledger state (balances, totals) cached per (group, version). Every change bumps the version in
 * the same transaction, so an entry for the version just read from the database is always exact.
 */
import type { Balances } from '../../src/domain'

export interface DerivedState {
  version: number
  balances: Balances
  expenseCount: number
  totalSpent: number
}

export class LedgerCache {
  private readonly map = new Map<string, DerivedState>()
  constructor(private readonly capacity = 500) {}

  get(groupId: string, version: number): DerivedState | undefined {
    const hit = this.map.get(groupId)
    if (!hit || hit.version !== version) return undefined
    // refresh recency
    this.map.delete(groupId)
    this.map.set(groupId, hit)
    return hit
  }

  set(groupId: string, state: DerivedState): void {
    const cur = this.map.get(groupId)
    if (cur && cur.version > state.version) return
    this.map.delete(groupId)
    this.map.set(groupId, state)
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string
      this.map.delete(oldest)
    }
  }
}
