/**
 * The request body parser refuses the prototype keys however they are spelled (plain or with \u escapes), at any
 * depth, refuses a body nested too deeply to handle, and parses everything else as JSON.parse does; it never throws
 * anything but BodyError.
 */
import fc from 'fast-check'
import { BodyError, parseJsonBody } from '../../cloud/entries/json'

const refused = (text: string) => {
  try {
    parseJsonBody(text)
    return null
  } catch (err) {
    expect(err).toBeInstanceOf(BodyError)
    return (err as Error).message
  }
}

test('a prototype key is refused, spelled out or escaped, at any depth', () => {
  expect(refused('{"__proto__": {"isAdmin": true}}')).toBe('The key "__proto__" is not allowed')
  expect(refused('{"a": [{"b": {"constructor": 1}}]}')).toBe('The key "constructor" is not allowed')
  expect(refused('{"\\u005f\\u005fproto\\u005f\\u005f": {"isAdmin": true}}')).toBe('The key "__proto__" is not allowed')
  expect(refused('{"x": {"prot\\u006ftype": 1}}')).toBe('The key "prototype" is not allowed')
  expect(refused('{"x": {"\\u0063onstructor": 1}}')).toBe('The key "constructor" is not allowed')
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
})

test('the names as values, and other escapes, are fine', () => {
  expect(parseJsonBody('{"action": "x", "input": {"name": "__proto__ constructor prototype"}}')).toEqual({ action: 'x', input: { name: '__proto__ constructor prototype' } })
  expect(parseJsonBody('{"a": "\\u00e9\\n"}')).toEqual({ a: 'é\n' })
})

test('anything else parses as JSON.parse parses it, and bad JSON is a BodyError', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value)
      if (/"(__proto__|constructor|prototype)":/.test(text)) return
      expect(parseJsonBody(text)).toEqual(JSON.parse(text))
    }),
    { numRuns: 300 }
  )
  expect(refused('{')).toBe('The body is not valid JSON')
  expect(refused('{"a": "\\u00zz"}')).toBe('The body is not valid JSON')
  // JSON.parse alone accepts this, and JSON.stringify of it would then overflow the stack: the reviver is the guard
  expect(refused('['.repeat(100_000) + ']'.repeat(100_000))).toBe('The JSON is nested too deeply')
  expect(refused(`{"action": "getMe", "input": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`)).toBe('The JSON is nested too deeply')
})
