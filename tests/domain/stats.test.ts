import fc from 'fast-check'
import { computeBalances, type Expense } from '@/domain'
import { groupStatistics } from '@/domain/stats'
import { groupArb } from './support/expenses'

const dinner: Expense = { id: 'dinner', amount: 30000, paidBy: { ann: 30000 }, split: { mode: 'equal', members: ['ann', 'bo', 'cy'] } }
const taxi: Expense = { id: 'taxi', amount: 6000, paidBy: { bo: 4000, cy: 2000 }, split: { mode: 'shares', shares: { ann: 1, bo: 1, cy: 1 } } }
const sushi: Expense = { id: 'sushi', amount: 1200, currency: 'JPY', rate: '0.0485', paidBy: { cy: 1200 }, split: { mode: 'exact', amounts: { ann: 600, cy: 600 } } }
const refund: Expense = { id: 'refund', amount: -3000, paidBy: { ann: -3000 }, split: { mode: 'equal', members: ['ann', 'bo', 'cy'] } }

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('groupStatistics', () => {
  const stats = groupStatistics(
    [
      { expense: dinner, category: 'food', date: '2026-01-05' },
      { expense: taxi, category: 'transport', date: '2026-01-06' },
      { expense: sushi, category: 'food', date: '2026-03-02' },
      { expense: refund, category: 'food', date: '2026-03-09' }
    ],
    'CNY',
    ['ann', 'bo', 'cy', 'dee']
  )

  it('totals in the group currency, refunds subtracted', () => {
    // 300.00 + 60.00 + 1200 JPY at 0.0485 (58.20) - 30.00
    expect(stats.total).toBe(30000 + 6000 + 5820 - 3000)
    expect(stats.count).toBe(4)
  })

  it('breaks down by category, largest first', () => {
    expect(stats.byCategory).toEqual([
      { category: 'food', total: 30000 + 5820 - 3000, count: 3 },
      { category: 'transport', total: 6000, count: 1 }
    ])
  })

  it('lists every month in the range, with 0 for a month without spending', () => {
    expect(stats.byMonth).toEqual([
      { month: '2026-01', total: 36000 },
      { month: '2026-02', total: 0 },
      { month: '2026-03', total: 2820 }
    ])
  })

  it('gives what each member paid and consumed, and a member who spent nothing', () => {
    const of = (id: string) => stats.byMember.find((m) => m.memberId === id)
    expect(of('ann')).toEqual({ memberId: 'ann', paid: 30000 - 3000, consumed: 10000 + 2000 + 2910 - 1000 })
    expect(of('bo')).toEqual({ memberId: 'bo', paid: 4000, consumed: 10000 + 2000 - 1000 })
    expect(of('cy')).toEqual({ memberId: 'cy', paid: 2000 + 5820, consumed: 10000 + 2000 + 2910 - 1000 })
    expect(of('dee')).toEqual({ memberId: 'dee', paid: 0, consumed: 0 })
  })

  it('is empty for no expenses', () => {
    expect(groupStatistics([], 'CNY')).toEqual({ currency: 'CNY', total: 0, count: 0, byCategory: [], byMember: [], byMonth: [] })
  })

  it('sums exactly: categories, months, paid and consumed each equal the total; paid - consumed is the balance', () => {
    const categories = ['food', 'stay', 'fun']
    fc.assert(
      fc.property(groupArb(1, 6, 15), fc.array(fc.nat(2), { minLength: 15, maxLength: 15 }), fc.array(fc.nat(400), { minLength: 15, maxLength: 15 }), ({ members, expenses }, cats, days) => {
        const items = expenses.map((expense, i) => ({
          expense,
          category: categories[cats[i]!]!,
          date: new Date(Date.UTC(2025, 0, 1) + days[i]! * 86_400_000).toISOString().slice(0, 10)
        }))
        const s = groupStatistics(items, 'CNY', members)
        expect(sum(s.byCategory.map((c) => c.total))).toBe(s.total)
        expect(sum(s.byMonth.map((m) => m.total))).toBe(s.total)
        expect(sum(s.byMember.map((m) => m.paid))).toBe(s.total)
        expect(sum(s.byMember.map((m) => m.consumed))).toBe(s.total)
        const balances = computeBalances({ members, expenses, payments: [], currency: 'CNY' })
        for (const m of s.byMember) expect(m.paid - m.consumed).toBe(balances[m.memberId])
      }),
      { numRuns: 150 }
    )
  })
})
