/**
 * The platform's module system for a compiled bundle: every file runs once inside the mini-program's vm context,
 * wrapped like the platform wraps it (`require`, `module`, `exports`), and `require` resolves relative to the file.
 */
import path from 'node:path'
import vm from 'node:vm'
import type { Bundle } from './bundle'

export interface Loader {
  /** Runs `file` (e.g. `app.js`, `pages/index/index.js`) if it has not run yet; returns its exports. */
  load(file: string): unknown
  /** The file being evaluated right now (Page() and Component() use it to know their route). */
  readonly current: string | undefined
}

export function createLoader(bundle: Bundle, context: vm.Context): Loader {
  const cache = new Map<string, { exports: unknown }>()
  const stack: string[] = []

  const resolve = (from: string, request: string): string => {
    const joined = request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(from), request)
    const normal = path.posix.normalize(joined)
    if (bundle.has(normal)) return normal
    if (bundle.has(`${normal}.js`)) return `${normal}.js`
    if (bundle.has(`${normal}/index.js`)) return `${normal}/index.js`
    throw new Error(`${bundle.target}: cannot resolve require('${request}') from ${from}`)
  }

  const load = (file: string): unknown => {
    const cached = cache.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    cache.set(file, module)
    const wrapper = `(function (require, module, exports) {${bundle.read(file)}\n})`
    const fn = new vm.Script(wrapper, { filename: path.join(bundle.dir, file) }).runInContext(context) as (
      req: (r: string) => unknown,
      m: { exports: unknown },
      e: unknown
    ) => void
    stack.push(file)
    try {
      fn((request) => load(resolve(file, request)), module, module.exports)
    } finally {
      stack.pop()
    }
    return module.exports
  }

  return {
    load,
    get current() {
      return stack[stack.length - 1]
    }
  }
}
