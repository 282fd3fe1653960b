/**
 * The platform's module system for a compiled bundle: every file runs once inside the mini-program's vm context,
 * wrapped like the platform wraps it (`require`, `module`, `exports`), and `require` resolves relative to the file.
 */
import path from 'node:path'
import vm from 'node:vm'
import type { Bundle } from './bundle'

/** One file's evaluation, timed with performance.now() (bench/launch.ts reads where a launch spends its time). */
export interface Evaluation {
  file: string
  /** When its compilation started. */
  at: number
  /** Compiling the file's source (vm.Script). */
  compileMs: number
  /** Compiling and running it, the files it required included. */
  ms: number
}

export interface Loader {
  /** Runs `file` (e.g. `app.js`, `pages/index/index.js`) if it has not run yet; returns its exports. */
  load(file: string): unknown
  /** The file being evaluated right now (Page() and Component() use it to know their route). */
  readonly current: string | undefined
  /** Every file evaluated so far, in the order their evaluations finished. */
  readonly evaluations: Evaluation[]
}

export function createLoader(bundle: Bundle, context: vm.Context): Loader {
  const cache = new Map<string, { exports: unknown }>()
  const stack: string[] = []
  const evaluations: Evaluation[] = []

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
    const at = performance.now()
    const wrapper = `(function (require, module, exports) {${bundle.read(file)}\n})`
    const fn = new vm.Script(wrapper, { filename: path.join(bundle.dir, file) }).runInContext(context) as (
      req: (r: string) => unknown,
      m: { exports: unknown },
      e: unknown
    ) => void
    const compileMs = performance.now() - at
    stack.push(file)
    try {
      fn((request) => load(resolve(file, request)), module, module.exports)
    } finally {
      stack.pop()
      evaluations.push({ file, at, compileMs, ms: performance.now() - at })
    }
    return module.exports
  }

  return {
    load,
    get current() {
      return stack[stack.length - 1]
    },
    evaluations
  }
}
