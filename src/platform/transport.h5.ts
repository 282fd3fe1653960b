import { postEnvelope } from './post'
import type { Envelope, ReplyBody, WireReply } from '@/services/wire'

/** H5 preview: the function is served from the same origin as the page (`npm start`). */
export async function send(envelope: Envelope, token: string | null): Promise<WireReply> {
  const res = await postEnvelope('/api', envelope, token)
  return { status: res.statusCode, body: res.data as ReplyBody }
}
