/**
 * What an action is: its name, its request/response schemas, whether it needs a signed-in user, whether it
 * is a mutation (one transaction + idempotency by clientId), and the function that does it.
 * One file per action group under cloud/actions/, registered in cloud/actions/index.ts.
 */
import type { z } from 'zod'
import type { Config } from '../config'
import type { Identity, IdentityDeps } from '../auth/identity'
import type { LedgerCache } from '../ledger/cache'
import type { Db, Queryable, Statement } from '../store/db'
import type { UserRow } from '../ledger/users'
import type { Payments } from '../payments/service'
import type { Messages } from '../messages/service'
import type { Blobs } from '../blobs/store'
import type { PublicOrigin } from '../public-url'

export interface AppServices {
  db: Db
  config: Config
  clock: () => Date
  identity: IdentityDeps
  cache: LedgerCache
  /** Wallet providers, the payout outbox and the payouts being sent (cloud/payments/service.ts). */
  payments: Payments
  /** The platform messages queued by changes, sent after they commit (cloud/messages/service.ts). */
  messages: Messages
  /** Where receipt photos are kept: the database or an S3-compatible bucket (cloud/blobs/store.ts). */
  blobs: Blobs
  /** The function's public origin, for links to its GET routes (cloud/public-url.ts). */
  origin: PublicOrigin
}

export interface ActionContext extends AppServices {
  /* `cache` here is the request's view (RequestCache): its writes take effect only if the transaction commits. */
  /** An identity the platform vouches for (CloudBase OPENID), if the call came that way. */
  trusted: Identity | null
  /** The transaction this action runs in (mutations: read committed; reads: one repeatable-read snapshot). */
  q: Queryable
  /** The signed-in user (null only for actions with auth 'none'). */
  user: UserRow | null
  /** Request time, from the app clock. */
  now: Date
  /** This request's id (in error replies and the log). */
  requestId: string
  /** Runs `fn` once the action's transaction has committed (never if it rolls back). */
  afterCommit(fn: () => void): void
}

/**
 * The answer of an action that talks to a wallet provider. Its `run` claims what it needs in the request's
 * transaction (short: the group is locked only there) and returns this instead of its answer; the handler commits,
 * calls `outside` with no transaction open and no lock held (however slow the provider is, nobody waits on it), then
 * runs `apply` with the provider's outcome in a second short transaction, whose result is the action's answer (and
 * what a retry with the same client id gets). If `apply` throws, the client id is released: a retry runs anew.
 */
export interface Staged<T = unknown> {
  readonly staged: true
  outside(): Promise<unknown>
  apply(q: Queryable, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): Promise<T>
}

export function staged<T>(outside: () => Promise<unknown>, apply: Staged<T>['apply']): Staged<T> {
  return { staged: true, outside, apply }
}

export function isStaged(value: unknown): value is Staged {
  return typeof value === 'object' && value !== null && (value as { staged?: unknown }).staged === true
}

export interface ActionDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string
  input: I
  output: O
  /** 'user': a valid session (or trusted platform identity) is required. */
  auth: 'none' | 'user'
  /** Mutations carry input.clientId: retried results come from the idempotency table. */
  mutation: boolean
  /**
   * The action deletes its caller's account (deleteAccount): its claim of the client id is kept under
   * `erasedClaimKey(userId)` instead of the user id, and a retry with the old session gets the first answer although
   * the user no longer exists (any other call with that session is a 401).
   */
  erasesCaller?: boolean
  /**
   * The first statement the action runs, when it is known from the input and the caller alone (e.g. the group's
   * lock): it travels with the transaction's BEGIN, and the action's own query of it is answered without a round trip.
   */
  opening?(input: z.output<I>, userId: string): Statement
  run(ctx: ActionContext, input: z.output<I>): Promise<z.input<O> | Staged<z.input<O>>>
}

export type AnyAction = ActionDef<z.ZodType, z.ZodType>

export function defineAction<S extends { input: z.ZodType; output: z.ZodType }>(
  name: string,
  schemas: S,
  opts: { auth?: 'none' | 'user'; mutation?: boolean; erasesCaller?: boolean; opening?: (input: z.output<S['input']>, userId: string) => Statement },
  run: (ctx: ActionContext & { user: UserRow }, input: z.output<S['input']>) => Promise<z.input<S['output']> | Staged<z.input<S['output']>>>
): AnyAction {
  return {
    name,
    input: schemas.input,
    output: schemas.output,
    auth: opts.auth ?? 'user',
    mutation: opts.mutation ?? false,
    ...(opts.erasesCaller ? { erasesCaller: true } : {}),
    opening: opts.opening as AnyAction['opening'],
    run: run as AnyAction['run']
  }
}
