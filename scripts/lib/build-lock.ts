/** One build at a time across processes on this machine: a lock directory that the others wait on. */
import fs from 'node:fs'
import path from 'node:path'

/** A lock older than this was left behind by a killed build and is taken over. */
const STALE_MS = 600_000

/** Runs `fn` while holding the lock directory `lockDir` (created atomically; removed when `fn` settles). */
export async function withBuildLock<T>(lockDir: string, fn: () => T | Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      break
    } catch {
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_MS) fs.rmSync(lockDir, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true })
  }
}
