/**
 * The deploy bundle's code cache: dist/cloud/index.js compiles the function (app.js) with the V8 code cache that
 * the build made for it (app.js.cache), so a cold start neither parses nor compiles what the build already did.
 * The build and the entry compile the same text the same way (this module), which is what lets V8 accept the cache.
 * Where it does not fit (another Node or V8 version, other V8 flags) V8 rejects it and app.js compiles as usual.
 * V8 checks a cache against its source's length only, so the cache file starts with the SHA-256 of the text it was
 * made from, and a cache for any other text is not used.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

export const APP_FILE = 'app.js'
export const CACHE_FILE = 'app.js.cache'

export interface LoadedApp {
  exports: Record<string, unknown>
  /** What V8 did with the cache: used, rejected (it did not fit) or absent. */
  cache: 'used' | 'rejected' | 'absent'
  script: vm.Script
  source: string
}

const digest = (source: string) => createHash('sha256').update(source).digest()

function readCache(dir: string, sourceDigest: Buffer): Buffer | undefined {
  let data: Buffer
  try {
    data = fs.readFileSync(path.join(dir, CACHE_FILE))
  } catch {
    return undefined
  }
  return data.subarray(0, sourceDigest.length).equals(sourceDigest) ? data.subarray(sourceDigest.length) : undefined
}

/** Compiles and runs `<dir>/app.js` as CommonJS, with `<dir>/app.js.cache` when there is one. */
export function loadApp(dir: string): LoadedApp {
  const file = path.join(dir, APP_FILE)
  const source = `(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`
  const cachedData = readCache(dir, digest(source))
  const script = new vm.Script(source, { filename: file, cachedData })
  const loaded = { exports: {} as Record<string, unknown> }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dir)
  return { exports: loaded.exports, cache: cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used', script, source }
}

/**
 * Loads `<dir>/app.js` (which runs its top level: nothing there touches the network or the database) and writes
 * the code cache of everything compiled so far. Run in a plain `node` (no flags), as the function will be.
 */
export function writeCodeCache(dir: string): number {
  const { script, source } = loadApp(dir)
  const data = Buffer.concat([digest(source), script.createCachedData()])
  fs.writeFileSync(path.join(dir, CACHE_FILE), data)
  return data.length
}
