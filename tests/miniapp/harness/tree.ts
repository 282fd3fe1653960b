/**
 * The data tree a page holds: what Taro sends through `setData` is applied here exactly as the platform applies it.
 * Keys are paths such as `root.cn.[0].cn.[2].v` (Taro writes array indexes as `[n]` segments) or `root.cn[1].v`.
 */
export type Data = Record<string, unknown>

/** Splits `root.cn.[0].cn[2].v` into ['root', 'cn', 0, 'cn', 2, 'v']. */
export function parsePath(key: string): (string | number)[] {
  const out: (string | number)[] = []
  for (const part of key.split('.')) {
    if (part === '') continue
    const re = /([^[\]]+)|\[(\d+)\]/g
    let m: RegExpExecArray | null
    while ((m = re.exec(part))) out.push(m[2] !== undefined ? Number(m[2]) : m[1])
  }
  return out
}

/** Deep copy of what crosses the logic/view boundary: the platform serializes setData payloads as JSON. */
export function cloneData<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

export function applySetData(data: Data, payload: Data): void {
  for (const [key, raw] of Object.entries(payload)) {
    const value = cloneData(raw)
    const segments = parsePath(key)
    let target: Record<string | number, unknown> = data
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i]
      const next = segments[i + 1]
      if (target[seg] === null || typeof target[seg] !== 'object') target[seg] = typeof next === 'number' ? [] : {}
      target = target[seg] as Record<string | number, unknown>
    }
    target[segments[segments.length - 1]] = value
  }
}

/** Bytes of a setData payload as the platform measures it: the UTF-8 length of its JSON text. */
export function payloadBytes(payload: Data): number {
  return Buffer.byteLength(JSON.stringify(payload), 'utf8')
}
