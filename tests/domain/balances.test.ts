import fc from 'fast-check'
import { computeBalances, DomainError, paidAmounts, planSettlement, splitExpense, type Expense, type Ledger } from '@/domain'
import { groupArb } from './support/expenses'
import { applyTransfers, reorder } from './support/reference'
import { codeOf, sumOf } from './support/checks'

const dinner: Expense = { id: 'dinner', amount: 30000, paidBy: { ann: 30000 }, split: { mode: 'equal', members: ['ann', 'bo', 'cy'] } }

describe('computeBalances', () => {
  it('is paid - owed + sent - received, for every member', () => {
    const ledger: Ledger = {
      members: ['ann', 'bo', 'cy', 'dee'],
      expenses: [dinner, { id: 'taxi', amount: 6000, paidBy: { bo: 4000, cy: 2000 }, split: { mode: 'shares', shares: { ann: 1, bo: 1, cy: 1 } } }],
      payments: [{ id: 'p1', from: 'cy', to: 'ann', amount: 5000 }]
    }
    expect(computeBalances(ledger)).toEqual({
      ann: 30000 - 10000 - 2000 - 5000,
      bo: 4000 - 10000 - 2000,
      cy: 2000 - 10000 - 2000 + 5000,
      dee: 0
    })
  })

  it('handles a refund as income shared the same way', () => {
    const refund: Expense = { id: 'refund', amount: -3000, paidBy: { ann: -3000 }, split: { mode: 'equal', members: ['ann', 'bo', 'cy'] } }
    const balances = computeBalances({ members: ['ann', 'bo', 'cy'], expenses: [dinner, refund], payments: [] })
    expect(balances).toEqual({ ann: 18000, bo: -9000, cy: -9000 })
  })

  it('converts foreign expenses into the group currency', () => {
    const sushi: Expense = {
      id: 'sushi',
      amount: 1200,
      currency: 'JPY',
      rate: '0.0485',
      paidBy: { ann: 1200 },
      split: { mode: 'equal', members: ['ann', 'bo', 'cy'] }
    }
    const balances = computeBalances({ members: ['ann', 'bo', 'cy'], expenses: [sushi], payments: [], currency: 'CNY' })
    expect(balances).toEqual({ ann: 5820 - 1940, bo: -1940, cy: -1940 })
    expect(codeOf(() => computeBalances({ members: ['ann', 'bo', 'cy'], expenses: [{ ...sushi, rate: undefined }], payments: [], currency: 'CNY' }))).toBe(
      'RATE_REQUIRED'
    )
  })

  it('rejects unknown members, repeated members and ids, and bad payments', () => {
    const base = { members: ['ann', 'bo', 'cy'], expenses: [dinner], payments: [] }
    expect(codeOf(() => computeBalances({ ...base, members: ['ann', 'bo'] }))).toBe('UNKNOWN_MEMBER')
    expect(codeOf(() => computeBalances({ ...base, members: ['ann', 'bo', 'cy', 'bo'] }))).toBe('DUPLICATE_MEMBER')
    expect(codeOf(() => computeBalances({ ...base, payments: [{ id: 'p', from: 'ann', to: 'ann', amount: 5 }] }))).toBe('PAYMENT_SELF')
    expect(codeOf(() => computeBalances({ ...base, payments: [{ id: 'p', from: 'ann', to: 'bo', amount: 0 }] }))).toBe('PAYMENT_AMOUNT')
    expect(codeOf(() => computeBalances({ ...base, payments: [{ id: 'p', from: 'ann', to: 'zed', amount: 5 }] }))).toBe('UNKNOWN_MEMBER')
    const twice = { id: 'p', from: 'ann', to: 'bo', amount: 5 }
    expect(codeOf(() => computeBalances({ ...base, payments: [twice, twice] }))).toBe('DUPLICATE_ID')
  })

  it('equals the sum of paidAmounts - splitExpense over the expenses (its fast path agrees with the general one)', () => {
    fc.assert(
      fc.property(groupArb(1, 10, 30), fc.constantFrom('CNY', 'JPY', undefined), ({ members, expenses }, currency) => {
        const expected: Record<string, number> = Object.fromEntries(members.map((m) => [m, 0]))
        let failure: string | undefined
        try {
          for (const e of expenses) {
            for (const [m, v] of Object.entries(paidAmounts(e, currency))) expected[m]! += v
            for (const [m, v] of Object.entries(splitExpense(e, currency))) expected[m]! -= v
          }
        } catch (error) {
          failure = (error as DomainError).code
        }
        if (failure) {
          expect(codeOf(() => computeBalances({ members, expenses, payments: [], currency }))).toBe(failure)
        } else {
          for (const m of members) if (expected[m] === 0) expected[m] = 0
          expect(computeBalances({ members, expenses, payments: [], currency })).toEqual(expected)
        }
      }),
      { numRuns: 1500 }
    )
  })

  it('agrees with the general path on invalid expenses too (same error code)', () => {
    const members = ['ann', 'bo', 'cy']
    const bad: Array<[Expense, string]> = [
      [{ ...dinner, split: { mode: 'equal', members: ['ann', 'ann'] } }, 'DUPLICATE_MEMBER'],
      [{ ...dinner, split: { mode: 'equal', members: [] } }, 'SPLIT_EMPTY'],
      [{ ...dinner, split: { mode: 'percent', basisPoints: { ann: 5000 } } }, 'SPLIT_PERCENT_TOTAL'],
      [{ ...dinner, split: { mode: 'shares', shares: { ann: 0 } } }, 'SPLIT_SHARES_ZERO'],
      [{ ...dinner, split: { mode: 'exact', amounts: { ann: 1 } } }, 'SPLIT_EXACT_TOTAL'],
      [{ ...dinner, split: { mode: 'adjust', members, adjustments: { ann: 40000 } } }, 'SPLIT_ADJUST_TOO_LARGE'],
      [{ ...dinner, paidBy: { ann: 1 } }, 'PAYERS_TOTAL'],
      [{ ...dinner, paidBy: { zed: 30000 } }, 'UNKNOWN_MEMBER'],
      [{ ...dinner, split: { mode: 'shares', shares: { zed: 1 } } }, 'UNKNOWN_MEMBER'],
      [{ ...dinner, currency: 'JPY', rate: 'x' }, 'RATE_INVALID'],
      [{ ...dinner, amount: 0, paidBy: { ann: 0 } }, 'MONEY_ZERO']
    ]
    for (const [expense, code] of bad) {
      expect(codeOf(() => computeBalances({ members, expenses: [dinner, expense], payments: [], currency: 'CNY' }))).toBe(code)
    }
  })

  it('splits very large shares exactly (beyond float range: the BigInt path)', () => {
    const e: Expense = { id: 'huge', amount: 9_999_999_999, paidBy: { ann: 9_999_999_999 }, split: { mode: 'shares', shares: { ann: 2 ** 40, bo: 2 ** 40 + 1, cy: 3 } } }
    const balances = computeBalances({ members: ['ann', 'bo', 'cy'], expenses: [e], payments: [] })
    const owed = splitExpense(e)
    expect(balances).toEqual({ ann: 9_999_999_999 - owed.ann!, bo: -owed.bo! || 0, cy: -owed.cy! || 0 })
    expect(sumOf(owed)).toBe(9_999_999_999)
  })

  it('sums to exactly zero, lists every member, and the plan settles it (property)', () => {
    fc.assert(
      fc.property(groupArb(1, 8, 25), fc.array(fc.nat(20), { maxLength: 8 }), ({ members, expenses }, order) => {
        const ledger = { members, expenses, payments: [], currency: 'CNY' }
        const balances = computeBalances(ledger)
        expect(Object.keys(balances).sort()).toEqual([...members].sort())
        expect(sumOf(balances)).toBe(0)
        // independent of member order and expense order
        const reversed = computeBalances({ ...ledger, members: [...members].reverse(), expenses: [...expenses].reverse() })
        expect(reversed).toEqual(balances)
        // owed = sum of the splits
        const owed = expenses.reduce((acc, e) => acc + sumOf(splitExpense(e, 'CNY')), 0)
        expect(Number.isSafeInteger(owed)).toBe(true)
        const plan = planSettlement(reorder(balances, order))
        expect(Object.values(applyTransfers(balances, plan)).every((v) => v === 0)).toBe(true)
        // recording the plan as payments settles the ledger
        const settled = computeBalances({ ...ledger, payments: plan.map((t, i) => ({ id: `pay${i}`, ...t })) })
        expect(Object.values(settled).every((v) => v === 0)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})
