/** Client ids: 24 url-safe characters every time, every character of the alphabet reachable. */
import { newClientId } from '@/services/ids'

test('a client id is always 24 url-safe characters', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 2000; i++) {
    const id = newClientId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/)
    for (const ch of id) seen.add(ch)
  }
  // 48,000 draws over 64 characters reach them all
  expect(seen.size).toBe(64)
})
