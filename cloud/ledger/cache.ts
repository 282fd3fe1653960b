/**
 * Derived ledger state (balances, totals, plan) cached per (group, version). Every change bumps the version in
 * the same transaction, so an entry for the version just read from the database is exact, provided only
 * committed state is cached: actions see a per-request view (`begin()`) whose writes reach the shared cache
 * only after their transaction commits, and are dropped if it rolls back.
 */
import type { Balances } from '../../src/domain'

export interface DerivedState {
  version: number
  balances: Balances
  expenseCount: number
  totalSpent: number
}

/** The change one committed action made to a group's derived state (e.g. one added expense). */
export interface StateDelta {
  balances: Balances
  expenseCount: number
  totalSpent: number
}

export interface CacheView {
  get(groupId: string, version: number): DerivedState | undefined
  set(groupId: string, state: DerivedState): void
  /** From `fromVersion` to `toVersion` the group changed by exactly `delta`. */
  advance(groupId: string, fromVersion: number, toVersion: number, delta: StateDelta): void
}

export class LedgerCache implements CacheView {
  private readonly map = new Map<string, DerivedState>()
  constructor(private readonly capacity = 500) {}

  get(groupId: string, version: number): DerivedState | undefined {
    const hit = this.map.get(groupId)
    if (!hit || hit.version !== version) return undefined
    this.map.delete(groupId)
    this.map.set(groupId, hit)
    return hit
  }

  set(groupId: string, state: DerivedState): void {
    const cur = this.map.get(groupId)
    if (cur && cur.version > state.version) return
    this.map.delete(groupId)
    this.map.set(groupId, state)
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string)
  }

  advance(groupId: string, fromVersion: number, toVersion: number, delta: StateDelta): void {
    const cur = this.map.get(groupId)
    if (!cur || cur.version !== fromVersion) return
    const balances: Balances = { ...cur.balances }
    for (const [member, amount] of Object.entries(delta.balances)) balances[member] = (balances[member] ?? 0) + amount
    this.map.set(groupId, {
      version: toVersion,
      balances,
      expenseCount: cur.expenseCount + delta.expenseCount,
      totalSpent: cur.totalSpent + delta.totalSpent
    })
  }

  /** A view for one request: reads through, writes buffered until commit(). */
  begin(): RequestCache {
    return new RequestCache(this)
  }
}

/** The cache as one request sees it; its writes reach the shared cache only on commit(). */
export class RequestCache extends LedgerCache {
  private readonly pending: (() => void)[] = []
  private readonly local = new Map<string, DerivedState>()
  constructor(private readonly shared: LedgerCache) {
    super(0)
  }

  override get(groupId: string, version: number): DerivedState | undefined {
    const own = this.local.get(groupId)
    return own && own.version === version ? own : this.shared.get(groupId, version)
  }

  override set(groupId: string, state: DerivedState): void {
    this.local.set(groupId, state)
    this.pending.push(() => this.shared.set(groupId, state))
  }

  override advance(groupId: string, fromVersion: number, toVersion: number, delta: StateDelta): void {
    this.pending.push(() => this.shared.advance(groupId, fromVersion, toVersion, delta))
  }

  /** Call once the transaction committed. */
  commit(): void {
    for (const apply of this.pending.splice(0)) apply()
  }
}
