/** The wire format: POST /api { action, input } -> { ok: true, data } | { ok: false, error }. */
import { z } from 'zod'

export interface ActionSchemas {
  input: z.ZodType
  output: z.ZodType
}

export const RequestEnvelope = z.object({ action: z.string().min(1).max(64), input: z.unknown().optional() })
export type RequestEnvelope = z.infer<typeof RequestEnvelope>

export interface ApiErrorBody {
  code: string
  message: string
  details?: unknown
  /** The request's id, also in the function's log line: the app shows it so a user's report can be traced. */
  requestId?: string
}

export type ResponseEnvelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }


/** HTTP path of the action endpoint. */
export const API_PATH = '/api'
