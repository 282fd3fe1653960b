/** Parses a request body: JSON only, no prototype-polluting keys, never throws anything but BodyError. */
export class BodyError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text, function (key, value) {
      if (FORBIDDEN_KEYS.has(key)) throw new BodyError(`The key "${key}" is not allowed`)
      return value
    })
  } catch (err) {
    if (err instanceof BodyError) throw err
    throw new BodyError(err instanceof RangeError ? 'The JSON is nested too deeply' : 'The body is not valid JSON')
  }
}
