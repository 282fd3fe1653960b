/** 64 url-safe characters, so `byte & 63` picks each with the same chance. */
const alphabet = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict'

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) return c.getRandomValues(bytes)
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

/** A client-made unique id (24 url-safe characters); every mutation carries one so retries are safe. */
export function newClientId(): string {
  let id = ''
  for (const b of randomBytes(24)) id += alphabet[b & 63]
  return id
}
