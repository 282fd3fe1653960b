import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'

/** Accepts PEM (any header) or bare base64 (PKCS#8 / PKCS#1 private, SPKI public, or a certificate). */
export function toPrivateKey(input: string | KeyObject): KeyObject {
  if (typeof input !== 'string') return input
  const text = input.trim()
  if (text.startsWith('-----BEGIN')) return createPrivateKey(text)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })
  }
}

export function toPublicKey(input: string | KeyObject): KeyObject {
  if (typeof input !== 'string') return input.type === 'private' ? createPublicKey(input) : input
  const text = input.trim()
  if (text.startsWith('-----BEGIN')) return createPublicKey(text)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' })
  } catch {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' })
  }
}

export function pem(key: KeyObject): string {
  return key.type === 'private'
    ? (key.export({ type: 'pkcs8', format: 'pem' }) as string)
    : (key.export({ type: 'spki', format: 'pem' }) as string)
}
