/**
 * Every platform API call the bundle makes, in order, with the options it passed (functions left out),
 * so a test can assert what the bundle asked the platform to do.
 */
export interface PlatformCall {
  api: string
  args: unknown[]
  /** Route of the page on top when the call was made. */
  page: string | undefined
  seq: number
}

function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return undefined
  if (value === null || typeof value !== 'object' || depth > 6) return value
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'function') out[k] = plain(v, depth + 1)
  return out
}

export class Recorder {
  readonly calls: PlatformCall[] = []
  private seq = 0

  record(api: string, args: unknown[], page: string | undefined): void {
    this.calls.push({ api, args: args.map((a) => plain(a)), page, seq: this.seq++ })
  }

  /** Calls of one API; the first argument of each (the options object) is what tests usually check. */
  of(api: string): PlatformCall[] {
    return this.calls.filter((c) => c.api === api)
  }

  options<T = Record<string, unknown>>(api: string): T[] {
    return this.of(api).map((c) => c.args[0] as T)
  }

  last<T = Record<string, unknown>>(api: string): T | undefined {
    const all = this.options<T>(api)
    return all[all.length - 1]
  }

  names(): string[] {
    return this.calls.map((c) => c.api)
  }

  clear(): void {
    this.calls.length = 0
  }
}
