/** The plan and the balances speak of the person reading them in their own language: "You pay Ann", "Cy pays you", "Ann (me)". */
import { render, screen } from '@testing-library/react'
import BalanceList from '@/components/BalanceList'
import PlanList, { type PlanLine } from '@/components/PlanList'

const names = { ann: 'Ann', bo: 'Bo', cy: 'Cy' }
const plan: PlanLine[] = [
  { from: 'ann', to: 'bo', amount: 1000, state: 'open' },
  { from: 'cy', to: 'ann', amount: 2000, state: 'open' },
  { from: 'cy', to: 'bo', amount: 500, state: 'open' }
]

test.each([
  ['en', ['You pay Bo', 'Cy pays you', 'Cy pays Bo']],
  ['zh-CN', ['你 付给 Bo', 'Cy 付给 你', 'Cy 付给 Bo']]
] as const)('plan lines in %s', (locale, lines) => {
  render(<PlanList plan={plan} names={names} me='ann' currency='CNY' locale={locale} />)
  for (const line of lines) expect(screen.getByText(line)).toBeTruthy()
})

test.each([
  ['en', 'Ann (me)'],
  ['zh-CN', 'Ann（我）']
] as const)('my own balance row in %s', (locale, text) => {
  const members = [{ id: 'ann', name: 'Ann', userId: 'u1' }, { id: 'bo', name: 'Bo', userId: 'u2' }]
  render(<BalanceList members={members} balances={{ ann: 100, bo: -100 }} me='ann' currency='CNY' locale={locale} />)
  expect(screen.getByText(text)).toBeTruthy()
})

test.each([
  ['en', 'The plan is kept while you pay it'],
  ['zh-CN', '按方案付款时，其余建议保持不变']
] as const)('the plan says it is kept while it is paid, in %s, and an empty plan says nothing of it', (locale, text) => {
  const { unmount } = render(<PlanList plan={plan} names={names} me='ann' currency='CNY' locale={locale} />)
  expect(screen.getByTestId('plan-kept').textContent).toBe(text)
  unmount()
  render(<PlanList plan={[]} names={names} me='ann' currency='CNY' locale={locale} />)
  expect(screen.queryByTestId('plan-kept')).toBeNull()
})
