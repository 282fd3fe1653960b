/**
 * The one entry of the function: decode -> authenticate -> validate -> authorize -> act -> encode.
 * Entries (HTTP, CloudBase) only turn their request into a HandlerRequest and the HandlerResponse back.
 */
import { randomBytes } from 'node:crypto'
import { ZodError, type z } from 'zod'
import { isDomainError } from '../src/domain'
import type { ApiErrorBody, ResponseEnvelope } from '../src/api/envelope'
import { isApiErrorCode, type ApiErrorCode } from '../src/api/errors'
import { isStaged, type AnyAction, type AppServices, type Staged } from './actions/types'
import type { Identity } from './auth/identity'
import { verifySession } from './auth/session'
import { ApiError } from './errors'
import { Claim, createPruner, erasedClaimKey, releaseClientId, requestHash, storedResult } from './ledger/idempotency'
import { createRateLimiter } from './ledger/rate-limit'
import { DEFAULT_NAME, upsertUser, USER_BY_ID, userRow, type UserRow } from './ledger/users'
import type { Queryable, QueryResult, Statement } from './store/db'

export interface HandlerRequest {
  action: unknown
  input: unknown
  /** The session token (from `Authorization: Bearer ...`). */
  token?: string | null
  /** An identity the platform vouches for (WeChat CloudBase OPENID); takes the place of a token. */
  trusted?: Identity | null
  /** The caller's network address, for the per-address rate limit (null where the host does not tell). */
  address?: string | null
}

export interface HandlerResponse {
  status: number
  body: ResponseEnvelope
}

export interface Handler {
  handle(req: HandlerRequest): Promise<HandlerResponse>
  readonly services: AppServices
  readonly actions: ReadonlyMap<string, AnyAction>
}

function fail(status: number, error: ApiErrorBody & { code: ApiErrorCode }): HandlerResponse {
  return { status, body: { ok: false, error } }
}

function zodIssues(err: ZodError) {
  return err.issues.slice(0, 20).map((i) => {
    const params = (i as { params?: { code?: unknown } }).params
    return { path: i.path.map(String), message: i.message, ...(typeof params?.code === 'string' ? { code: params.code } : {}) }
  })
}

/** A bad input answer: the first issue's stable domain code when it has one, else INVALID_INPUT. */
export function inputError(err: ZodError): HandlerResponse {
  const issues = zodIssues(err)
  const coded = issues.find((i) => 'code' in i)
  const first = issues[0]
  const where = first && first.path.length ? `${first.path.join('.')}: ` : ''
  return fail(400, {
    code: coded && 'code' in coded && isApiErrorCode(coded.code) ? coded.code : 'INVALID_INPUT',
    message: `${where}${first?.message ?? 'invalid input'}`,
    details: { issues }
  })
}

/** A short id for one request: in the log line of anything that fails and in every error reply, so a user's report can be traced. */
export function newRequestId(): string {
  return `r${randomBytes(6).toString('hex')}`
}

function toResponse(err: unknown, requestId: string): HandlerResponse {
  if (err instanceof ApiError) return fail(err.status, { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) })
  if (isDomainError(err)) return fail(400, { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) })
  if (err instanceof ZodError) return inputError(err)
  console.error(`[splitpay] internal error (request ${requestId}):`, err)
  return fail(500, { code: 'INTERNAL', message: 'Something went wrong on our side; please try again' })
}

const RETRYABLE_PG = new Set(['40001', '40P01'])

async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      const code = (err as { code?: unknown }).code
      if (attempt < 4 && typeof code === 'string' && RETRYABLE_PG.has(code)) continue
      throw err
    }
  }
}

export function createHandler(services: AppServices, actions: ReadonlyMap<string, AnyAction>): Handler {
  const { db, config, clock } = services
  const prune = createPruner()
  const countRequest = createRateLimiter(config)

  function unauthenticated(req: HandlerRequest): ApiError {
    return new ApiError('UNAUTHENTICATED', req.token ? 'Your session is invalid or expired; please sign in again' : 'Sign in first')
  }

  interface CallerLoad {
    /** The statements that load the session's user (and read its claim of the client id), sent with BEGIN. */
    first?: Statement[]
    /**
     * The caller's user and, for a mutation, its claim of the client id, with `prior`: the first answer when this
     * request is a retry.
     */
    resolve(q: Queryable, first: QueryResult<Record<string, unknown>> | null): Promise<{ user: UserRow | null; claim: Claim | null; prior: { replay: unknown } | null }>
  }

  /**
   * How the transaction finds the caller (the trusted identity's user, else the user of the session verified before
   * the transaction) and, for a mutation, takes the claim of its client id (see Claim).
   */
  function callerLoad(req: HandlerRequest, action: AnyAction, userId: string | null, input: Record<string, unknown>, now: Date): CallerLoad {
    if (action.auth !== 'user') return { resolve: async () => ({ user: null, claim: null, prior: null }) }
    const claimOf = (uid: string) =>
      action.mutation ? new Claim(uid, String(input.clientId), action.name, requestHash(action.name, input), now, action.erasesCaller ? erasedClaimKey(uid) : uid) : null
    if (req.trusted) {
      const trusted = req.trusted
      return {
        async resolve(q) {
          const alipay = trusted.provider === 'alipay'
          const user = await upsertUser(q, trusted, { name: DEFAULT_NAME[alipay ? 'alipay' : 'wechat'], wallet: alipay ? 'alipay' : 'wechat', nameChosen: false }, now)
          const claim = claimOf(user.id)
          if (!claim) return { user, claim, prior: null }
          const lock = claim.lock()
          await q.query(lock.sql, lock.params)
          const read = claim.read()
          return { user, claim, prior: claim.prior((await q.query<Record<string, unknown>>(read.sql, read.params)).rows[0]) }
        }
      }
    }
    if (!userId) throw unauthenticated(req)
    const claim = claimOf(userId)
    return {
      first: claim ? [claim.lock(), claim.read(USER_BY_ID)] : [{ sql: USER_BY_ID, params: [userId] }],
      async resolve(q, first) {
        const row = first?.rows[0]
        if (!row && claim && action.erasesCaller) {
          // the account is gone: only a retry of the very request that deleted it gets an answer (its first one)
          const read = claim.read()
          const prior = (await q.query<Record<string, unknown>>(read.sql, read.params)).rows[0]
          if (prior?.prior_found && prior.prior_action === action.name && prior.prior_hash === claim.hash && prior.prior_result !== null) {
            return { user: null, claim, prior: claim.prior(prior) }
          }
        }
        if (!row) throw unauthenticated(req)
        return { user: userRow(row), claim, prior: claim ? claim.prior(row) : null }
      }
    }
  }

  function checkOutput(action: AnyAction, answer: unknown): unknown {
    const checked = (action.output as z.ZodType).safeParse(answer)
    if (!checked.success) throw new Error(`${action.name} answered outside its contract: ${checked.error.message}`)
    return checked.data
  }

  /** The provider call of a staged action, outside any transaction, then its outcome applied in a short one. */
  async function finishStaged(action: AnyAction, work: Staged, userId: string | null, clientId: string): Promise<unknown> {
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown }
    try {
      outcome = { ok: true, value: await work.outside() }
    } catch (error) {
      outcome = { ok: false, error }
    }
    try {
      return await withRetry(() =>
        db.transaction(async (q) => {
          const out = checkOutput(action, await work.apply(q, outcome))
          if (action.mutation && userId) q.atCommit(storedResult(userId, clientId, out))
          return out
        })
      )
    } catch (err) {
      if (action.mutation && userId) await releaseClientId(db, userId, clientId).catch(() => {})
      throw err
    }
  }

  async function handle(req: HandlerRequest): Promise<HandlerResponse> {
    const requestId = newRequestId()
    const res = await answer(req, requestId)
    if (!res.body.ok) res.body.error.requestId = requestId
    return res
  }

  async function answer(req: HandlerRequest, requestId: string): Promise<HandlerResponse> {
    try {
      if (typeof req.action !== 'string') return fail(400, { code: 'BAD_REQUEST', message: 'Expected a JSON body { "action": string, "input": object }' })
      const action = actions.get(req.action)
      if (!action) return fail(404, { code: 'UNKNOWN_ACTION', message: `Unknown action: ${req.action.slice(0, 64)}` })
      const now = clock()

      // Authenticate before looking at the input: a caller without a session learns nothing from validation.
      // The token is verified once here; the transaction only loads its user.
      const sessionUserId = action.auth === 'user' && !req.trusted && req.token ? verifySession(config.sessionSecret, req.token, now) : null
      if (action.auth === 'user' && !req.trusted && !sessionUserId) {
        return fail(401, { code: 'UNAUTHENTICATED', message: req.token ? 'Your session is invalid or expired; please sign in again' : 'Sign in first' })
      }

      // Counted before anything else is looked at, in the database, so the limits hold across instances.
      const caller = sessionUserId ?? (req.trusted ? `${req.trusted.provider}:${req.trusted.subject}` : null)
      await countRequest(db, { userId: caller, address: req.address ?? null }, now)

      const parsed = action.input.safeParse(req.input === undefined || req.input === null ? {} : req.input)
      if (!parsed.success) return inputError(parsed.error)
      const input = parsed.data as Record<string, unknown>

      const load = callerLoad(req, action, sessionUserId, input, now)
      const opening = action.opening && sessionUserId && !req.trusted ? [action.opening(input, sessionUserId)] : undefined
      let committed: Array<() => void> = []
      const result = await withRetry(async () => {
        const cache = services.cache.begin()
        committed = []
        const afterCommit = (fn: () => void) => void committed.push(fn)
        const tx = db.transaction(
          async (q, first) => {
            const { user, claim, prior } = await load.resolve(q, first)
            if (prior) return { replay: prior.replay }
            const reply = await action.run({ ...services, cache, q, user, now, trusted: req.trusted ?? null, afterCommit, requestId }, input)
            if (isStaged(reply)) {
              if (claim) q.atCommit(claim.record(null))
              return { staged: reply, userId: user?.id ?? null }
            }
            const out = checkOutput(action, reply)
            if (claim) q.atCommit(claim.record(out))
            return { replay: out }
          },
          { isolation: action.mutation || action.auth === 'none' ? 'read committed' : 'repeatable read', first: load.first, ahead: opening }
        )
        const out = await tx.catch((err: unknown) => {
          cache.abort()
          throw err
        })
        cache.commit()
        return out
      })
      for (const fn of committed) fn()
      let data = result.replay
      if (result.staged) data = await finishStaged(action, result.staged, result.userId, String(input.clientId))
      if (action.mutation) await prune(db, now)
      return { status: 200, body: { ok: true, data } }
    } catch (err) {
      return toResponse(err, requestId)
    }
  }

  return { handle, services, actions }
}
