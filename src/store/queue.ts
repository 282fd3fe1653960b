import { createStore } from 'zustand/vanilla'
import { persist } from 'zustand/middleware'
import { call } from '@/services/api'
import { CallError, isCallError } from '@/services/errors'
import { backoffDelay } from './backoff'
import { newClientId } from '@/services/ids'
import { taroJSONStorage } from './storage'

/** The writes that go through the queue. Each input carries its `clientId`, so a retry never duplicates. */
export type MutationAction =
  | 'addExpense'
  | 'editExpense'
  | 'deleteExpense'
  | 'recordPayment'
  | 'confirmPayment'
  | 'withdrawPayment'
  | 'rejectPayment'

export interface Mutation {
  clientId: string
  action: MutationAction
  input: Record<string, unknown> & { clientId: string }
  groupId: string
  createdAt: number
  attempts: number
  nextAttemptAt: number
  lastError?: string
}

/** A change the function kept failing on its side: set aside (it no longer blocks later ones) until the user acts. */
export interface FailedMutation extends Mutation {
  /** The error code of the last attempt (translated for the user). */
  reason: string
  failedAt: number
}

/**
 * Server-side failures (5xx) of the same change before it is set aside. A 5xx that repeats is not the network: the
 * change would block every later one forever. Network errors, 429 and 401 are waited out, however long.
 */
export const MAX_SERVER_FAILURES = 5

export interface QueueHooks {
  send: (action: string, input: unknown) => Promise<unknown>
  /** The function accepted the mutation (first time or a safe replay). */
  onAccepted: (m: Mutation, data: unknown) => void
  /** 409: someone else changed the group; the mutation is dropped, the group must be refreshed and the user told. */
  onConflict: (m: Mutation, error: CallError) => void
  /** Other 4xx (validation, forbidden...): dropped, the user is told why. */
  onRejected: (m: Mutation, error: CallError) => void
  /** 401: the session expired; sign in again, then the queue retries. */
  onUnauthenticated: () => Promise<void> | void
  /** A change set aside after MAX_SERVER_FAILURES server failures; the user is told and can retry or discard it. */
  onFailed: (m: FailedMutation) => void
  now: () => number
  random: () => number
}

const hooks: QueueHooks = {
  send: call,
  onAccepted: () => {},
  onConflict: () => {},
  onRejected: () => {},
  onUnauthenticated: () => {},
  onFailed: () => {},
  now: () => Date.now(),
  random: Math.random
}

export function configureQueue(next: Partial<QueueHooks>): void {
  Object.assign(hooks, next)
}

export interface QueueState {
  items: Mutation[]
  /** Changes set aside after repeated server failures, newest last. */
  failed: FailedMutation[]
  hydrated: boolean
  /** Applies nothing by itself: pages read pending items through selectors to show them optimistically. */
  enqueue: (action: MutationAction, input: Record<string, unknown>, groupId: string) => Mutation
  /** Sends what is due, in order; stops at the first failure that is worth retrying. */
  flush: () => Promise<void>
  /**
   * My own accepted write moved the group from version `from` to `to`: queued edits that expected `from`
   * now expect `to` (they were made on top of my change, not on top of someone else's).
   */
  rebase: (groupId: string, from: number, to: number) => void
  /** Puts a set-aside change back at the end of the queue, with a fresh count of attempts. */
  retryFailed: (clientId: string) => Promise<void>
  /** Forgets a set-aside change (it was never saved). */
  discard: (clientId: string) => void
}

let timer: ReturnType<typeof setTimeout> | null = null
let running: Promise<void> | null = null

function schedule(delay: number) {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    timer = null
    void queueStore.getState().flush()
  }, Math.max(0, delay))
}

/** Stops the retry timer (tests, app hide). */
export function stopQueueTimer(): void {
  if (timer) clearTimeout(timer)
  timer = null
}

async function drain(get: () => QueueState, set: (p: Partial<QueueState>) => void): Promise<void> {
  for (;;) {
    const head = get().items[0]
    if (!head) return
    const wait = head.nextAttemptAt - hooks.now()
    if (wait > 0) return schedule(wait)
    let data: unknown
    try {
      data = await hooks.send(head.action, head.input)
    } catch (e) {
      const error = isCallError(e) ? e : new CallError('NETWORK', 0, String(e))
      const attempts = head.attempts + 1
      if (error.status >= 500 && attempts >= MAX_SERVER_FAILURES) {
        const failed: FailedMutation = { ...head, attempts, lastError: error.code, reason: error.code, failedAt: hooks.now() }
        set({ items: get().items.filter((m) => m.clientId !== head.clientId), failed: [...get().failed, failed] })
        hooks.onFailed(failed)
        continue
      }
      if (error.retryable || error.unauthenticated) {
        const delay = backoffDelay(attempts, hooks.random)
        set({
          items: get().items.map((m) =>
            m.clientId === head.clientId ? { ...m, attempts, nextAttemptAt: hooks.now() + delay, lastError: error.code } : m
          )
        })
        if (error.unauthenticated) await hooks.onUnauthenticated()
        return schedule(delay)
      }
      set({ items: get().items.filter((m) => m.clientId !== head.clientId) })
      if (error.conflict) hooks.onConflict(head, error)
      else hooks.onRejected(head, error)
      continue
    }
    // Accepted: it leaves the queue before anything else can go wrong, so it is never sent again.
    set({ items: get().items.filter((m) => m.clientId !== head.clientId) })
    try {
      hooks.onAccepted(head, data)
    } catch (e) {
      console.error('[queue] after accepted', e)
    }
  }
}

export const queueStore = createStore<QueueState>()(
  persist(
    (set, get) => ({
      items: [],
      failed: [],
      hydrated: false,
      enqueue(action, input, groupId) {
        const clientId = typeof input.clientId === 'string' ? input.clientId : newClientId()
        const m: Mutation = {
          clientId,
          action,
          input: { ...input, clientId },
          groupId,
          createdAt: hooks.now(),
          attempts: 0,
          nextAttemptAt: 0
        }
        set({ items: [...get().items, m] })
        return m
      },
      rebase(groupId, from, to) {
        set({
          items: get().items.map((m) =>
            m.groupId === groupId && m.input.expectedVersion === from ? { ...m, input: { ...m.input, expectedVersion: to } } : m
          )
        })
      },
      retryFailed(clientId) {
        const m = get().failed.find((f) => f.clientId === clientId)
        if (!m) return Promise.resolve()
        const { reason: _reason, failedAt: _failedAt, ...mutation } = m
        set({ failed: get().failed.filter((f) => f.clientId !== clientId), items: [...get().items, { ...mutation, attempts: 0, nextAttemptAt: 0 }] })
        return get().flush()
      },
      discard(clientId) {
        set({ failed: get().failed.filter((f) => f.clientId !== clientId) })
      },
      flush() {
        // One drain at a time: a mutation is never in flight twice from this client.
        if (running) return running
        running = drain(get, set).finally(() => {
          running = null
        })
        return running
      }
    }),
    {
      name: 'splitpay.queue',
      storage: taroJSONStorage,
      partialize: (s) => ({ items: s.items, failed: s.failed }) as QueueState,
      onRehydrateStorage: () => (state) => {
        queueStore.setState({ hydrated: true })
        if (state?.items.length) void queueStore.getState().flush()
      }
    }
  )
)

/** Retries now whatever is waiting (e.g. the network came back or the app was shown again). */
export function retryNow(): Promise<void> {
  queueStore.setState({ items: queueStore.getState().items.map((m) => ({ ...m, nextAttemptAt: 0 })) })
  return queueStore.getState().flush()
}
