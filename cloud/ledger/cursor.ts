/** Opaque pagination cursors: base64url(JSON tuple), checked on the way back in. */
import { ApiError } from '../errors'

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): (string | number)[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    values = undefined
  }
  const ok =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((v, i) => (shape[i] === 'number' ? Number.isSafeInteger(v) : typeof v === 'string' && v.length <= 64 && !v.includes('\u0000')))
  if (!ok) throw new ApiError('INVALID_INPUT', 'Invalid cursor', { path: ['cursor'] })
  return values as (string | number)[]
}
