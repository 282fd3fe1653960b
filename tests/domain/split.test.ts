import fc from 'fast-check'
import { allocate, paidAmounts, splitExpense, type Expense, type Split } from '@/domain'
import { expenseArb } from './support/expenses'
import { memberIds } from './support/arbitraries'
import { reorder } from './support/reference'
import { codeOf, sumOf } from './support/checks'

const expense = (split: Split, amount = 100, id = 'e1', extra: Partial<Expense> = {}): Expense => ({
  id,
  amount,
  paidBy: { a: amount },
  split,
  ...extra
})

describe('equal split', () => {
  it('splits 100 fen over 3 people into 34 + 33 + 33', () => {
    const shares = splitExpense(expense({ mode: 'equal', members: ['a', 'b', 'c'] }))
    expect(sumOf(shares)).toBe(100)
    expect(Object.values(shares).sort()).toEqual([33, 33, 34])
  })

  it('splits 1000 over 7 people: six get 143 and one gets 142', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    const shares = splitExpense(expense({ mode: 'equal', members }, 1000))
    expect(sumOf(shares)).toBe(1000)
    expect(Object.values(shares).filter((v) => v === 143)).toHaveLength(6)
    expect(Object.values(shares).filter((v) => v === 142)).toHaveLength(1)
  })

  it('does not depend on the order of the members', () => {
    const one = splitExpense(expense({ mode: 'equal', members: ['a', 'b', 'c'] }, 101, 'x'))
    const two = splitExpense(expense({ mode: 'equal', members: ['c', 'a', 'b'] }, 101, 'x'))
    expect(two).toEqual(one)
  })

  it('splits a refund as the mirror of the expense', () => {
    const members = ['a', 'b', 'c']
    const refund = splitExpense({ id: 'r1', amount: -100, paidBy: { a: -100 }, split: { mode: 'equal', members } })
    const original = splitExpense({ id: 'r1', amount: 100, paidBy: { a: 100 }, split: { mode: 'equal', members } })
    expect(sumOf(refund)).toBe(-100)
    for (const m of members) expect(refund[m]).toBe(-original[m]!)
  })

  it('gives the extra fen to each member a fair share of the time over many expenses', () => {
    const members = ['a', 'b', 'c']
    const extra: Record<string, number> = { a: 0, b: 0, c: 0 }
    for (let i = 0; i < 3000; i++) {
      const shares = splitExpense(expense({ mode: 'equal', members }, 100, `expense-${i}`))
      for (const m of members) if (shares[m] === 34) extra[m]! += 1
    }
    for (const m of members) {
      expect(extra[m]).toBeGreaterThan(850)
      expect(extra[m]).toBeLessThan(1150)
    }
    // 1000 over 7 leaves one member with 142: each member is that one about 1/7 of the time
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    const short: Record<string, number> = {}
    for (let i = 0; i < 7000; i++) {
      const shares = splitExpense(expense({ mode: 'equal', members: seven }, 1000, `id${i}`))
      const m = seven.find((x) => shares[x] === 142)!
      short[m] = (short[m] ?? 0) + 1
    }
    for (const m of seven) {
      expect(short[m]).toBeGreaterThan(850)
      expect(short[m]).toBeLessThan(1150)
    }
  })
})

describe('shares, percent, exact and adjust', () => {
  it('splits by shares, members with 0 shares owe nothing', () => {
    expect(splitExpense(expense({ mode: 'shares', shares: { a: 1, b: 2, c: 3, d: 0 } }, 600))).toEqual({ a: 100, b: 200, c: 300, d: 0 })
    const uneven = splitExpense(expense({ mode: 'shares', shares: { a: 1, b: 1, c: 1 } }, 200))
    expect(sumOf(uneven)).toBe(200)
  })

  it('splits by basis points totalling 10000', () => {
    expect(splitExpense(expense({ mode: 'percent', basisPoints: { a: 5000, b: 2500, c: 2500 } }, 1000))).toEqual({ a: 500, b: 250, c: 250 })
    const thirds = splitExpense(expense({ mode: 'percent', basisPoints: { a: 3333, b: 3333, c: 3334 } }, 100))
    expect(sumOf(thirds)).toBe(100)
    // 33.33 / 33.33 / 33.34 fen: c has the largest remainder and gets the extra fen
    expect(thirds).toEqual({ a: 33, b: 33, c: 34 })
  })

  it('takes exact amounts as they are', () => {
    expect(splitExpense(expense({ mode: 'exact', amounts: { a: 30, b: 70 } }))).toEqual({ a: 30, b: 70 })
  })

  it('applies adjustments on top of an equal split of the rest', () => {
    // 100 - 20 = 80 split equally: a owes 40 + 20, b owes 40
    expect(splitExpense(expense({ mode: 'adjust', members: ['a', 'b'], adjustments: { a: 20 } }))).toEqual({ a: 60, b: 40 })
    // a owes 30 less: 130 split equally = 65 each, a 35
    expect(splitExpense(expense({ mode: 'adjust', members: ['a', 'b'], adjustments: { a: -30 } }))).toEqual({ a: 35, b: 65 })
    // someone outside the equal part can be charged a fixed amount
    expect(splitExpense(expense({ mode: 'adjust', members: ['a', 'b'], adjustments: { c: 10 } }))).toEqual({ a: 45, b: 45, c: 10 })
  })
})

describe('several payers and foreign currency', () => {
  it('keeps several payers in the group currency', () => {
    const e: Expense = { id: 'p', amount: 1000, paidBy: { a: 600, b: 400 }, split: { mode: 'equal', members: ['a', 'b', 'c'] } }
    expect(paidAmounts(e)).toEqual({ a: 600, b: 400 })
  })

  it('converts a JPY expense in a CNY group once, and splits the converted total', () => {
    // 1200 JPY at 0.0485 = 58.20 CNY
    const e: Expense = {
      id: 'jp',
      amount: 1200,
      currency: 'JPY',
      rate: '0.0485',
      paidBy: { a: 700, b: 500 },
      split: { mode: 'equal', members: ['a', 'b', 'c'] }
    }
    expect(splitExpense(e, 'CNY')).toEqual({ a: 1940, b: 1940, c: 1940 })
    // 700 JPY = 33.95 CNY, 500 JPY = 24.25 CNY
    expect(paidAmounts(e, 'CNY')).toEqual({ a: 3395, b: 2425 })
  })

  it('makes the conversion rounding part of the split and of the payers', () => {
    // 1001 JPY * 0.0485 = 48.5485 CNY -> 4855 fen, rounded once
    const e: Expense = {
      id: 'jp2',
      amount: 1001,
      currency: 'JPY',
      rate: '0.0485',
      paidBy: { a: 501, b: 500 },
      split: { mode: 'exact', amounts: { a: 1, b: 500, c: 500 } }
    }
    const owed = splitExpense(e, 'CNY')
    expect(sumOf(owed)).toBe(4855)
    // 4855 * 500/1001 = 2425.07 each for b and c, 4.85 for a: a gets the leftover fen
    expect(owed).toEqual({ a: 5, b: 2425, c: 2425 })
    const paid = paidAmounts(e, 'CNY')
    // 4855 * 501/1001 = 2429.85 -> 2430; 4855 * 500/1001 = 2425.07 -> 2425
    expect(paid).toEqual({ a: 2430, b: 2425 })
  })

  it('needs a rate for another currency and ignores it for the same one', () => {
    const e = expense({ mode: 'equal', members: ['a', 'b'] }, 100, 'x', { currency: 'USD' })
    expect(codeOf(() => splitExpense(e, 'CNY'))).toBe('RATE_REQUIRED')
    expect(splitExpense(e, 'USD')).toEqual({ a: 50, b: 50 })
    expect(codeOf(() => splitExpense({ ...e, rate: '1e3' }, 'CNY'))).toBe('RATE_INVALID')
  })
})

describe('split errors', () => {
  it.each<[string, Split, number, string]>([
    ['no members', { mode: 'equal', members: [] }, 100, 'SPLIT_EMPTY'],
    ['a repeated member', { mode: 'equal', members: ['a', 'a'] }, 100, 'DUPLICATE_MEMBER'],
    ['negative shares', { mode: 'shares', shares: { a: -1, b: 2 } }, 100, 'SPLIT_SHARES_INVALID'],
    ['fractional shares', { mode: 'shares', shares: { a: 1.5 } }, 100, 'SPLIT_SHARES_INVALID'],
    ['only zero shares', { mode: 'shares', shares: { a: 0, b: 0 } }, 100, 'SPLIT_SHARES_ZERO'],
    ['no shares', { mode: 'shares', shares: {} }, 100, 'SPLIT_EMPTY'],
    ['percent not totalling 100%', { mode: 'percent', basisPoints: { a: 5000, b: 4000 } }, 100, 'SPLIT_PERCENT_TOTAL'],
    ['percent over 100% each', { mode: 'percent', basisPoints: { a: 12000, b: -2000 } }, 100, 'SPLIT_PERCENT_INVALID'],
    ['exact amounts not totalling', { mode: 'exact', amounts: { a: 30, b: 60 } }, 100, 'SPLIT_EXACT_TOTAL'],
    ['exact amount of the wrong sign', { mode: 'exact', amounts: { a: 130, b: -30 } }, 100, 'SPLIT_EXACT_SIGN'],
    ['exact amount not an integer', { mode: 'exact', amounts: { a: 50.5, b: 49.5 } }, 100, 'MONEY_NOT_INTEGER'],
    ['adjustments above the amount', { mode: 'adjust', members: ['a', 'b'], adjustments: { a: 150 } }, 100, 'SPLIT_ADJUST_TOO_LARGE'],
    ['an adjustment below the share', { mode: 'adjust', members: ['a', 'b'], adjustments: { a: -120 } }, 100, 'SPLIT_ADJUST_TOO_LARGE'],
    ['an unknown mode', { mode: 'thirds' } as unknown as Split, 100, 'SPLIT_MODE'],
    ['a zero amount', { mode: 'equal', members: ['a'] }, 0, 'MONEY_ZERO'],
    ['a fractional amount', { mode: 'equal', members: ['a'] }, 1.5, 'MONEY_NOT_INTEGER']
  ])('rejects %s', (_name, split, amount, code) => {
    expect(codeOf(() => splitExpense(expense(split, amount)))).toBe(code)
  })

  it.each<[string, Record<string, number>, string]>([
    ['no payers', {}, 'PAYERS_EMPTY'],
    ['payers not totalling', { a: 60, b: 30 }, 'PAYERS_TOTAL'],
    ['a payer of the wrong sign', { a: 120, b: -20 }, 'PAYERS_SIGN']
  ])('rejects %s', (_name, paidBy, code) => {
    expect(codeOf(() => paidAmounts({ id: 'x', amount: 100, paidBy, split: { mode: 'equal', members: ['a'] } }))).toBe(code)
  })
})

describe('split properties', () => {
  const group = memberIds(1, 8)

  it('every split and every payer list totals the (converted) amount exactly; refunds mirror', () => {
    fc.assert(
      fc.property(group.chain((members) => expenseArb(members)), (e) => {
        const owed = splitExpense(e, 'CNY')
        const paid = paidAmounts(e, 'CNY')
        expect(sumOf(owed)).toBe(sumOf(paid))
        if (!e.currency || e.currency === 'CNY') expect(sumOf(owed)).toBe(e.amount)
        for (const v of Object.values(owed)) expect(Number.isSafeInteger(v) && (e.amount > 0 ? v >= 0 : v <= 0)).toBe(true)
        const mirror = splitExpense({ ...e, amount: -e.amount, paidBy: neg(e.paidBy), split: negSplit(e.split) }, 'CNY')
        for (const [m, v] of Object.entries(owed)) expect(mirror[m]).toBe(v === 0 ? 0 : -v)
      }),
      { numRuns: 3000 }
    )
  })

  it('does not depend on member order or record key order', () => {
    fc.assert(
      fc.property(
        group.chain((members) => expenseArb(members)),
        fc.array(fc.nat(20), { maxLength: 8 }),
        (e, order) => {
          const shuffled: Expense = { ...e, paidBy: reorder(e.paidBy, order), split: shuffleSplit(e.split, order) }
          expect(splitExpense(shuffled, 'CNY')).toEqual(splitExpense(e, 'CNY'))
          expect(paidAmounts(shuffled, 'CNY')).toEqual(paidAmounts(e, 'CNY'))
        }
      ),
      { numRuns: 1500 }
    )
  })

  it('rotates the leftover fen fairly over many expense ids, for any group and amount (property)', () => {
    fc.assert(
      fc.property(memberIds(2, 6), fc.integer({ min: 1, max: 100_000 }), fc.string({ maxLength: 6 }), (members, base, prefix) => {
        const n = members.length
        const amount = base * n + 1 + (base % (n - 1)) // leaves 1..n-1 extra units
        const extra = amount % n
        const runs = 500 * n
        const counts = new Map(members.map((m) => [m, 0]))
        const floor = Math.floor(amount / n)
        for (let i = 0; i < runs; i++) {
          const shares = splitExpense(expense({ mode: 'equal', members }, amount, `${prefix}${i}`))
          for (const m of members) if (shares[m] === floor + 1) counts.set(m, counts.get(m)! + 1)
        }
        const expected = (runs * extra) / n
        for (const m of members) {
          expect(counts.get(m)!).toBeGreaterThan(expected * 0.75)
          expect(counts.get(m)!).toBeLessThan(expected * 1.25 + 1)
        }
      }),
      { numRuns: 25 }
    )
  })

  it('allocates by largest remainder: every part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.nat(1e6)), { minLength: 1, maxLength: 10, selector: (t) => t[0] }),
        fc.string(),
        (total, weights, seed) => {
          fc.pre(weights.some(([, w]) => w > 0))
          const parts = allocate(total, weights, seed)
          const W = weights.reduce((a, [, w]) => a + w, 0)
          expect(parts.reduce((a, [, v]) => a + v, 0)).toBe(total)
          for (const [id, v] of parts) {
            const w = weights.find(([x]) => x === id)![1]
            // |v - total*w/W| < 1, checked exactly: |v*W - total*w| < W
            const diff = BigInt(v) * BigInt(W) - BigInt(total) * BigInt(w)
            expect(diff < BigInt(W) && diff > -BigInt(W)).toBe(true)
          }
        }
      ),
      { numRuns: 3000 }
    )
  })
})

function neg(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === 0 ? 0 : -v]))
}
function negSplit(split: Split): Split {
  if (split.mode === 'exact') return { mode: 'exact', amounts: neg(split.amounts) }
  if (split.mode === 'adjust') return { ...split, adjustments: neg(split.adjustments) }
  return split
}
function shuffleSplit(split: Split, order: number[]): Split {
  const rotate = (list: string[]) => {
    const k = list.length ? (order[0] ?? 0) % list.length : 0
    return [...list.slice(k), ...list.slice(0, k)].reverse()
  }
  switch (split.mode) {
    case 'equal':
      return { mode: 'equal', members: rotate(split.members) }
    case 'shares':
      return { mode: 'shares', shares: reorder(split.shares, order) }
    case 'percent':
      return { mode: 'percent', basisPoints: reorder(split.basisPoints, order) }
    case 'exact':
      return { mode: 'exact', amounts: reorder(split.amounts, order) }
    case 'adjust':
      return { mode: 'adjust', members: rotate(split.members), adjustments: reorder(split.adjustments, order) }
  }
}
