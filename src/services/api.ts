import type { ActionInput, ActionName, ActionOutput } from '@/api'
import { send } from '@/platform/transport'
import { CallError } from './errors'
import type { Transport } from './wire'

/**
 * The one client of the cloud function. Every call is `{ action, input }`; a reply is `{ ok, data }` or
 * `{ ok: false, error: { code, message } }`. Failures become CallError with the function's stable code,
 * or code NETWORK (status 0) when the function could not be reached.
 */
let transport: Transport = send
let tokenOf: () => string | null = () => null

export function setTokenSource(source: () => string | null): void {
  tokenOf = source
}

/** Swaps the transport (the e2e preview and tests use the real one; kept for CloudBase vs HTTP choices). */
export function setTransport(next: Transport): void {
  transport = next
}

export async function call<T = unknown>(action: string, input: unknown): Promise<T> {
  let reply
  try {
    reply = await transport({ action, input }, action === 'signIn' ? null : tokenOf())
  } catch (e) {
    throw new CallError('NETWORK', 0, e instanceof Error ? e.message : String(e))
  }
  const body = reply.body
  if (body && typeof body === 'object' && body.ok === true) return body.data as T
  if (body && typeof body === 'object' && body.ok === false && body.error) {
    throw new CallError(body.error.code, reply.status || 400, body.error.message, body.error.details, body.error.requestId)
  }
  // Not an envelope: a proxy or gateway answered. Treat server-side failures as retryable.
  throw new CallError(reply.status >= 500 || reply.status === 0 ? 'NETWORK' : 'BAD_REPLY', reply.status >= 400 ? reply.status : 502, 'unexpected reply')
}

/** Typed call: the input and output types come from the shared contract in src/api (types only, no runtime). */
export function api<A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
  return call<ActionOutput<A>>(action, input)
}
