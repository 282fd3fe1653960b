import fc from 'fast-check'
import type { Balances } from '@/domain'

/** Distinct member ids: short random strings, so id order and insertion order differ. */
export const memberIds = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-'.split('')), minLength: 1, maxLength: 6 }), {
    minLength: min,
    maxLength: max
  })

/**
 * Balances summing to 0 over `min..max` members. `small` values (-4..4) make many ties and many
 * zero-sum subgroups, the hard cases for a canonical plan; otherwise round-ish amounts in fen.
 */
export const balancesArb = (min: number, max: number, kind: 'small' | 'round' | 'any' = 'any'): fc.Arbitrary<Balances> =>
  memberIds(min, max).chain((ids) => {
    const value =
      kind === 'small'
        ? fc.integer({ min: -4, max: 4 })
        : kind === 'round'
          ? fc.integer({ min: -20, max: 20 }).map((v) => v * 500)
          : fc.oneof(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -20, max: 20 }).map((v) => v * 500), fc.integer({ min: -100000, max: 100000 }))
    return fc.array(value, { minLength: ids.length, maxLength: ids.length }).map((values) => {
      const out: Balances = {}
      let sum = 0
      ids.forEach((id, i) => {
        const v = i === ids.length - 1 ? -sum : values[i]!
        out[id] = v === 0 ? 0 : v
        sum += v
      })
      return out
    })
  })
