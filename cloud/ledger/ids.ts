/** Server-made ids: a short prefix and 96 random bits. */
import { randomBytes } from 'node:crypto'

export function newId(prefix: 'u' | 'g' | 'm' | 'p' | 'i' | 'e' | 'r'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`
}
