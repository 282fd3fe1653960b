import fc from 'fast-check'
import { allocate, computeBalances, paidAmounts, splitExpense, stableHash, type Expense } from '@/domain'
import { allocateSorted, convertParts, type Weighted } from '@/domain/allocate'
import { memberIds } from './support/arbitraries'
import { codeOf } from './support/checks'

/**
 * The reference: `allocate` as it was before it had one algorithm over a calculator (a number branch and a
 * BigInt branch of the same largest remainder), kept verbatim so the new one is checked against it.
 */
function allocateBefore(total: number, weights: readonly Weighted[], seed: string): Array<[string, number]> {
  const byId = (a: Weighted, b: Weighted): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
  const parts = weights.length > 1 ? [...weights].sort(byId) : [...weights]
  const n = parts.length
  const abs = Math.abs(total)
  let sumW = 0
  for (const part of parts) sumW += part[1]
  const quotients = new Array<number>(n)
  const remainders = new Array<number>(n)
  let given = 0
  if (sumW <= Number.MAX_SAFE_INTEGER && (abs === 0 || sumW <= Math.floor(Number.MAX_SAFE_INTEGER / abs))) {
    for (let i = 0; i < n; i++) {
      const product = abs * (parts[i] as Weighted)[1]
      const r = product % sumW
      const q = (product - r) / sumW
      quotients[i] = q
      remainders[i] = r
      given += q
    }
  } else {
    const bigAbs = BigInt(abs)
    const bigW = BigInt(sumW)
    const bigRemainders: bigint[] = []
    for (let i = 0; i < n; i++) {
      const product = bigAbs * BigInt((parts[i] as Weighted)[1])
      const q = Number(product / bigW)
      quotients[i] = q
      bigRemainders.push(product % bigW)
      given += q
    }
    const distinct = [...new Set(bigRemainders.filter((r) => r > 0n))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const rankOf = new Map(distinct.map((r, i) => [r, i + 1] as const))
    bigRemainders.forEach((r, i) => {
      remainders[i] = rankOf.get(r) ?? 0
    })
  }
  const leftover = abs - given
  if (leftover > 0) {
    const offset = stableHash(seed) % n
    const order: number[] = []
    for (let i = 0; i < n; i++) if ((remainders[i] as number) > 0) order.push(i)
    const rotated = (i: number): number => (i - offset + n) % n
    order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || rotated(a) - rotated(b))
    for (let k = 0; k < leftover; k++) quotients[order[k] as number]! += 1
  }
  const out = new Array<[string, number]>(n)
  for (let i = 0; i < n; i++) {
    const q = quotients[i] as number
    out[i] = [(parts[i] as Weighted)[0], total < 0 && q !== 0 ? -q : q]
  }
  return out
}

const MAX = Number.MAX_SAFE_INTEGER

/** Totals of every size: small, money-sized, up to 2^53, either sign. */
const totalArb = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.integer({ min: -MAX, max: MAX }),
  fc.constantFrom(0, 1, -1, MAX, -MAX, 2 ** 52, 2 ** 26)
)

/** Weights of every size: many ties and zeros, money-sized, huge (the BigInt calculator). */
const weightArb = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 12 }),
  fc.nat(1e6),
  fc.nat(2 ** 40),
  fc.integer({ min: 0, max: MAX }),
  fc.constantFrom(0, 1, MAX, 2 ** 52)
)

const weightsArb = (maxLength: number) =>
  fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), weightArb), { minLength: 1, maxLength, selector: (t) => t[0] })
    .filter((weights) => weights.some(([, w]) => w > 0))

describe('allocate', () => {
  it('gives exactly what it gave before, for any total, weights and seed (both calculators)', () => {
    fc.assert(
      fc.property(totalArb, weightsArb(12), fc.string(), (total, weights, seed) => {
        expect(allocate(total, weights, seed)).toEqual(allocateBefore(total, weights, seed))
      }),
      { numRuns: 10000 }
    )
  })

  it('gives exactly what it gave before around |total| * W = 2^52 and 2^53, where the calculator changes', () => {
    const edge = fc
      .tuple(weightsArb(6), fc.integer({ min: -3, max: 3 }), fc.constantFrom(2 ** 52, MAX), fc.boolean())
      .map(([weights, delta, limit, negative]) => {
        const sumW = weights.reduce((a, [, w]) => a + w, 0)
        const total = Math.max(0, Math.floor(limit / sumW) + delta)
        return { weights, total: negative ? -total : total }
      })
    fc.assert(
      fc.property(edge, fc.string(), ({ total, weights }, seed) => {
        expect(allocate(total, weights, seed)).toEqual(allocateBefore(total, weights, seed))
      }),
      { numRuns: 5000 }
    )
  })

  it('gives exactly what it gave before with many members (ties, and the sort beyond 256 members)', () => {
    fc.assert(
      fc.property(
        totalArb,
        fc.integer({ min: 1, max: 400 }),
        fc.oneof(fc.constant(1), fc.constant(4), fc.constant(1e6), fc.constant(MAX)),
        fc.string(),
        fc.nat(),
        (total, n, top, seed, salt) => {
          const weights: Weighted[] = Array.from({ length: n }, (_, i) => [`m${(i * 7919 + salt) % 1000}:${i}`, (i * 2654435761 + salt) % (top + 1)])
          fc.pre(weights.some(([, w]) => w > 0))
          expect(allocate(total, weights, seed)).toEqual(allocateBefore(total, weights, seed))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('converts parts exactly as before (in proportion to their size, any sign)', () => {
    const partsArb = fc
      .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: -1e12, max: 1e12 })), { minLength: 1, maxLength: 10, selector: (t) => t[0] })
      .filter((parts) => parts.some(([, v]) => v !== 0))
    fc.assert(
      fc.property(totalArb, partsArb, fc.string(), (total, parts, seed) => {
        const before = allocateBefore(total, parts.map(([m, v]) => [m, Math.abs(v)] as const), seed)
        expect(convertParts(total, parts, seed)).toEqual(before)
      }),
      { numRuns: 5000 }
    )
  })

  it('allocateSorted is the same allocation, in place or not, into a plain or a typed array', () => {
    fc.assert(
      fc.property(totalArb, weightsArb(12), fc.string(), (total, weights, seed) => {
        const expected = allocate(total, weights, seed).map(([, v]) => v)
        const sorted = [...weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, w]) => w)
        const out: number[] = []
        allocateSorted(total, sorted, sorted.length, seed, out)
        expect(out).toEqual(expected)
        const inPlace = Float64Array.from(sorted)
        allocateSorted(total, inPlace, inPlace.length, seed, inPlace)
        expect([...inPlace]).toEqual(expected)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('computeBalances through the Accumulator (the same allocation as the general path)', () => {
  const general = (members: string[], expenses: Expense[], currency?: string): Record<string, number> | string => {
    const expected: Record<string, number> = Object.fromEntries(members.map((m) => [m, 0]))
    try {
      for (const e of expenses) {
        for (const [m, v] of Object.entries(paidAmounts(e, currency))) expected[m]! += v
        for (const [m, v] of Object.entries(splitExpense(e, currency))) expected[m]! -= v
      }
    } catch (error) {
      return (error as { code: string }).code
    }
    for (const m of members) if (expected[m] === 0) expected[m] = 0
    return expected
  }
  const agree = (members: string[], expenses: Expense[], currency?: string): void => {
    const expected = general(members, expenses, currency)
    if (typeof expected === 'string') expect(codeOf(() => computeBalances({ members, expenses, payments: [], currency }))).toBe(expected)
    else expect(computeBalances({ members, expenses, payments: [], currency })).toEqual(expected)
  }

  it('gives the extra unit to the member with the largest remainder, however large the weights', () => {
    // A remainder near 2^52 times 50 members is past 2^53: the Accumulator once lost the member's position there.
    const members = Array.from({ length: 50 }, (_, i) => `m${String(i).padStart(2, '0')}`)
    for (const id of ['x0', 'x1', 'x2', 'x3', 'x4']) {
      const shares = Object.fromEntries(members.map((m, i) => [m, i === 7 ? 2 ** 52 - 49 : 1]))
      const expense: Expense = { id, amount: 1, paidBy: { m00: 1 }, split: { mode: 'shares', shares } }
      expect(splitExpense(expense).m07).toBe(1)
      agree(members, [expense])
    }
  })

  it('reports the payers before a conversion that is too large, as the general path does', () => {
    const expense: Expense = { id: 'big', amount: 1_000_000, currency: 'USD', rate: '9999999999', paidBy: { ann: 1 }, split: { mode: 'equal', members: ['ann', 'bo'] } }
    expect(codeOf(() => computeBalances({ members: ['ann', 'bo'], expenses: [expense], payments: [], currency: 'CNY' }))).toBe('PAYERS_TOTAL')
    agree(['ann', 'bo'], [{ ...expense, paidBy: { ann: 1_000_000 } }], 'CNY')
  })

  it('agrees with the general path on huge amounts and weights (the BigInt calculator), converted or not', () => {
    const big = fc.oneof(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: MAX }))
    const group = memberIds(1, 8).chain((members) =>
      fc.record({
        members: fc.constant(members),
        expenses: fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 8 }),
            // up to 10^14: six of them, converted at 7.1234, still total a safe integer
            amount: fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e14 })).chain((a) => fc.constantFrom(a, -a)),
            payer: fc.constantFrom(...members),
            shares: fc.array(fc.oneof(fc.constant(0), big), { minLength: members.length, maxLength: members.length }),
            foreign: fc.constantFrom(undefined, ['JPY', '0.0485'], ['USD', '7.1234'])
          }),
          { maxLength: 6, selector: (e) => e.id }
        )
      })
    )
    fc.assert(
      fc.property(group, ({ members, expenses }) => {
        const list = expenses.map(({ id, amount, payer, shares, foreign }): Expense => {
          const weights = shares.some((w) => w > 0) ? shares : shares.map(() => 1)
          const split: Expense['split'] = { mode: 'shares', shares: Object.fromEntries(members.map((m, i) => [m, weights[i]!])) }
          const expense: Expense = { id, amount, paidBy: { [payer]: amount }, split }
          return foreign ? { ...expense, currency: foreign[0], rate: foreign[1] } : expense
        })
        agree(members, list, 'CNY')
      }),
      { numRuns: 1000 }
    )
  })
})
