/**
 * Derived ledger state (balances, totals, plan) cached per (group, version). Every change bumps the version in
 * the same transaction, so an entry for the version just read from the database is exact, provided only
 * committed state is cached: actions see a per-request view (`begin()`) whose writes reach the shared cache
 * only after their transaction commits, and are dropped if it rolls back.
 *
 * Between a transaction's COMMIT and its request applying its writes here, another request can already read the
 * new version (it took the group's lock the moment the first released it). Rather than rebuild the state from every
 * expense while holding that lock, it waits for the transactions that may have made that version to be settled:
 * their outcome is already decided by then, so the wait is a turn of the event loop, not a wait for the database.
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
  /** Resolves once every transaction that may have moved `groupId` to `version` has applied or dropped its writes. */
  settled(groupId: string, version: number): Promise<void>
}

/** A transaction that may move a group to `toVersion`; `done` resolves once its writes were applied or dropped. */
interface InFlight {
  toVersion: number
  done: Promise<void>
}

export class LedgerCache implements CacheView {
  private readonly map = new Map<string, DerivedState>()
  private readonly inflight = new Map<string, InFlight[]>()
  constructor(private readonly capacity = 500) {}

  /** Tracks a transaction that may move `groupId` to `toVersion` until `done`. */
  track(groupId: string, flight: InFlight): void {
    const list = this.inflight.get(groupId) ?? []
    list.push(flight)
    this.inflight.set(groupId, list)
    void flight.done.then(() => {
      const left = (this.inflight.get(groupId) ?? []).filter((f) => f !== flight)
      if (left.length) this.inflight.set(groupId, left)
      else this.inflight.delete(groupId)
    })
  }

  async settled(groupId: string, version: number, except?: Promise<void>): Promise<void> {
    const waits = (this.inflight.get(groupId) ?? []).filter((f) => f.toVersion === version && f.done !== except).map((f) => f.done)
    await Promise.all(waits)
  }

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
  private finish!: () => void
  /** Resolves when this request's writes were applied (commit) or dropped (abort). */
  private readonly finished = new Promise<void>((resolve) => (this.finish = resolve))
  constructor(private readonly shared: LedgerCache) {
    super(0)
  }

  /** Never waits for itself: a request reading the version it is making has its own writes at hand. */
  override settled(groupId: string, version: number): Promise<void> {
    return this.shared.settled(groupId, version, this.finished)
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
    this.shared.track(groupId, { toVersion, done: this.finished })
  }

  /** Call once the transaction committed. */
  commit(): void {
    for (const apply of this.pending.splice(0)) apply()
    this.finish()
  }

  /** Call when the transaction did not commit: its writes are dropped. */
  abort(): void {
    this.pending.length = 0
    this.finish()
  }
}
