/**
 * fast-check arbitraries from the request schemas themselves (zod 4 -> JSON Schema -> arbitrary), for fuzzing the
 * function with requests shaped like real ones. No published package joins zod 4 and fast-check 4 yet, so this
 * covers the subset of JSON Schema that `z.toJSONSchema` produces for our contract: objects, records, arrays,
 * strings with patterns and lengths, integers and numbers with bounds, enums and constants, unions, and `{}` (a
 * domain check zod cannot describe: money, ids, rates), for which it draws from values the domain cares about.
 */
import fc from 'fast-check'
import { z } from 'zod'

type JsonSchema = {
  type?: string | string[]
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema | boolean
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  default?: unknown
}

export interface Hints {
  /** Values to use for fields of these names (e.g. the real group id), mixed with generated ones. */
  named: Record<string, readonly unknown[]>
  /** Ids that mean something here (members), used for `{}` fields and record keys. */
  ids: readonly string[]
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const oddText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.tuple(fc.string({ maxLength: 4 }), loneSurrogate, fc.string({ maxLength: 4 })).map(([a, b, c]) => a + b + c),
  fc.constantFrom('é', 'e\u0301', '\u0000', ' ', '👨‍👩‍👧', '<script>', "'; DROP TABLE x;--", '../../etc/passwd')
)
const extremeInt = fc.constantFrom(0, 1, -1, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 10_000_000_000, 10_000_000_001, 1e15)

function anyValue(h: Hints): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: h.ids.length ? fc.constantFrom(...h.ids) : fc.constant('m_x') },
    { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
    { weight: 1, arbitrary: extremeInt },
    { weight: 1, arbitrary: fc.constantFrom('0.0485', '7.1', '1', 'USD', 'JPY', 'CNY', 'XXX', '') },
    { weight: 1, arbitrary: oddText },
    { weight: 1, arbitrary: fc.constantFrom(null, true, 0.5, NaN, [], {}) }
  )
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 300))
  const parts: fc.Arbitrary<string>[] = []
  // A pattern that is one character class repeated ("^[A-Za-z0-9_-]+$", "^[...]{1,64}$"): strings of its characters
  // of every allowed length. Other patterns: fast-check's own generator, whatever length it gives. (No filters: a
  // filter that rarely passes never ends.)
  const charClass = s.pattern ? /^\^(\[[^\]]+\])(?:\+|\*|\{\d+,\d+\})\$$/.exec(s.pattern) : null
  if (charClass) parts.push(fc.string({ unit: fc.stringMatching(new RegExp(`^${charClass[1]}$`)), minLength: min, maxLength: Math.min(max, 70) }))
  else if (s.pattern) {
    try {
      parts.push(fc.stringMatching(new RegExp(s.pattern)))
    } catch {
      // a pattern fast-check cannot read: plain strings only
    }
  }
  parts.push(fc.string({ minLength: min, maxLength: Math.min(max, 70) }))
  parts.push(oddText)
  return fc.oneof(...parts)
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -Number.MAX_SAFE_INTEGER)
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER)
  const lo = Math.max(min, -Number.MAX_SAFE_INTEGER)
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER)
  const inRange = fc.integer({ min: Math.ceil(Math.max(lo, -2_000_000_000)), max: Math.floor(Math.min(hi, 2_000_000_000)) })
  const edges = fc.constantFrom(lo, hi, Math.ceil((lo + hi) / 2))
  return integer ? fc.oneof(inRange, edges, extremeInt) : fc.oneof(inRange, edges, fc.double({ noNaN: true }))
}

export function arbitraryOf(s: JsonSchema, h: Hints, name?: string): fc.Arbitrary<unknown> {
  const base = arbitraryOfShape(s, h)
  const named = name !== undefined ? h.named[name] : undefined
  return named && named.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...named) }, { weight: 1, arbitrary: base }) : base
}

function arbitraryOfShape(s: JsonSchema, h: Hints): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const union = s.anyOf ?? s.oneOf
  if (union) return fc.oneof(...union.map((u) => arbitraryOfShape(u, h)))
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  switch (type) {
    case 'string':
      return stringArb(s)
    case 'integer':
      return numberArb(s, true)
    case 'number':
      return numberArb(s, false)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(s.items ? arbitraryOfShape(s.items, h) : anyValue(h), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 6, 6) })
    case 'object': {
      if (s.properties) {
        const required = new Set(s.required ?? [])
        const keys = Object.keys(s.properties)
        return fc.record(
          Object.fromEntries(keys.map((k) => [k, arbitraryOf(s.properties![k]!, h, k)])),
          { requiredKeys: keys.filter((k) => required.has(k)) }
        )
      }
      const value = typeof s.additionalProperties === 'object' ? arbitraryOfShape(s.additionalProperties, h) : anyValue(h)
      const key = h.ids.length ? fc.oneof(fc.constantFrom(...h.ids), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 })
      return fc.dictionary(key, value, { maxKeys: 5 })
    }
    default:
      return anyValue(h)
  }
}

/** Arbitrary inputs for a zod request schema. */
export function requestsFor(schema: z.ZodType, h: Hints): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema
  return arbitraryOf(json, h)
}
