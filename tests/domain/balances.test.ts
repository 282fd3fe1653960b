import fc from 'fast-check'
import { computeBalances, DomainError, planSettlement, splitExpense, type Expense, type Ledger } from '@/domain'
import { groupArb } from './support/expenses'
import { applyTransfers, reorder } from './support/reference'

const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    return (error as DomainError).code
  }
  return undefined
}

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
    expect(codeOf(() => computeBalances({ ...base, expenses: [dinner, dinner] }))).toBe('DUPLICATE_ID')
    expect(codeOf(() => computeBalances({ ...base, payments: [{ id: 'p', from: 'ann', to: 'ann', amount: 5 }] }))).toBe('PAYMENT_SELF')
    expect(codeOf(() => computeBalances({ ...base, payments: [{ id: 'p', from: 'ann', to: 'bo', amount: 0 }] }))).toBe('PAYMENT_AMOUNT')
    expect(codeOf(() => computeBalances({ ...base, payments: [{ id: 'p', from: 'ann', to: 'zed', amount: 5 }] }))).toBe('UNKNOWN_MEMBER')
    const twice = { id: 'p', from: 'ann', to: 'bo', amount: 5 }
    expect(codeOf(() => computeBalances({ ...base, payments: [twice, twice] }))).toBe('DUPLICATE_ID')
  })

  it('sums to exactly zero, lists every member, and the plan settles it (property)', () => {
    fc.assert(
      fc.property(groupArb(1, 8, 25), fc.array(fc.nat(20), { maxLength: 8 }), ({ members, expenses }, order) => {
        const ledger = { members, expenses, payments: [], currency: 'CNY' }
        const balances = computeBalances(ledger)
        expect(Object.keys(balances).sort()).toEqual([...members].sort())
        expect(total(balances)).toBe(0)
        // independent of member order and expense order
        const reversed = computeBalances({ ...ledger, members: [...members].reverse(), expenses: [...expenses].reverse() })
        expect(reversed).toEqual(balances)
        // owed = sum of the splits
        const owed = expenses.reduce((acc, e) => acc + total(splitExpense(e, 'CNY')), 0)
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
