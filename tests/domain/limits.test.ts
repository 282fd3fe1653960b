import { checkGroupBounds, DomainError, MAX_GROUP_DEBT, MAX_GROUP_SPENT, validatePayment } from '@/domain'

const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as DomainError).code
  }
  return null
}

test('a group may owe up to MAX_GROUP_DEBT in all and spend up to MAX_GROUP_SPENT either way', () => {
  expect(code(() => checkGroupBounds({ a: MAX_GROUP_DEBT, b: -MAX_GROUP_DEBT / 2, c: -MAX_GROUP_DEBT / 2 }, MAX_GROUP_SPENT))).toBeNull()
  expect(code(() => checkGroupBounds({ a: MAX_GROUP_DEBT, b: 1, c: -MAX_GROUP_DEBT - 1 }, 0))).toBe('GROUP_BALANCE_LIMIT')
  expect(code(() => checkGroupBounds({ a: 0 }, -MAX_GROUP_SPENT - 1))).toBe('GROUP_BALANCE_LIMIT')
  expect(code(() => checkGroupBounds({ a: 2 ** 60, b: -(2 ** 60) }, 0))).toBe('GROUP_BALANCE_LIMIT')
  // the limits leave every sum of a read far inside exact doubles
  expect(MAX_GROUP_DEBT * 2 * 100).toBeLessThan(Number.MAX_SAFE_INTEGER)
})

test('a payment is bounded like an expense: 100,000,000 major units of the group currency', () => {
  const p = (amount: number) => ({ id: 'p1', from: 'a', to: 'b', amount })
  expect(validatePayment(p(10_000_000_000), ['a', 'b'], 'CNY').amount).toBe(10_000_000_000)
  expect(code(() => validatePayment(p(10_000_000_001), ['a', 'b'], 'CNY'))).toBe('MONEY_TOO_LARGE')
  expect(code(() => validatePayment(p(100_000_001), ['a', 'b'], 'JPY'))).toBe('MONEY_TOO_LARGE')
  expect(validatePayment(p(100_000_000), ['a', 'b'], 'JPY').amount).toBe(100_000_000)
})
