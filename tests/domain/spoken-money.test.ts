/** Amounts as a screen reader says them: the number and the currency's name, the sign in words. */
import { spokenMoney } from '@/domain/money/format'

test.each([
  [1230, 'CNY', 'zh-CN', '12.30元'],
  [-1230, 'CNY', 'zh-CN', '负12.30元'],
  [-1230, 'CNY', 'en', 'minus 12.30 yuan'],
  [120000, 'JPY', 'en', '120000 yen'],
  [5, 'USD', 'zh-CN', '0.05美元'],
  [0, 'EUR', 'en', '0.00 euros']
] as const)('%i %s in %s is said "%s"', (amount, currency, locale, said) => {
  expect(spokenMoney(amount, currency, locale)).toBe(said)
})
