/** The wire format shared by every transport: a request envelope and the reply the function sends back. */
export interface Envelope {
  action: string
  input: unknown
}

export interface WireError {
  code: string
  message: string
  details?: unknown
  requestId?: string
}

export type ReplyBody = { ok: true; data: unknown } | { ok: false; error: WireError }

export interface WireReply {
  /** HTTP status (or the `status` field CloudBase returns); 0 when the network failed. */
  status: number
  body: ReplyBody
}

/** Sends one envelope; rejects only when the function could not be reached. */
export type Transport = (envelope: Envelope, token: string | null) => Promise<WireReply>
