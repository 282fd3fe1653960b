/**
 * The add-expense form's split editor: the live preview comes from the domain's splitExpense and always sums
 * to the amount, in every split mode; problems show inline in the person's language.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useMemo, useState } from 'react'
import SplitEditor from '@/components/SplitEditor'
import type { Locale } from '@/i18n'
import { newDraft, previewDraft, type ExpenseDraft, type SplitMode } from '@/services/expenseDraft'

const members = [
  { id: 'ann', name: 'Ann' },
  { id: 'bo', name: 'Bo' },
  { id: 'cy', name: 'Cy' }
]
const ids = members.map((m) => m.id)

function Harness({ amount, locale = 'zh-CN', mode = 'equal' }: { amount: string; locale?: Locale; mode?: SplitMode }) {
  const [draft, setDraft] = useState<ExpenseDraft>(() => ({ ...newDraft({ me: 'ann', members: ids, currency: 'CNY', today: '2026-11-20' }), amount, mode }))
  const preview = useMemo(() => previewDraft(draft, 'exp-preview-1', 'CNY', ids), [draft])
  return <SplitEditor draft={draft} members={members} preview={preview} groupCurrency='CNY' locale={locale} onChange={setDraft} />
}

const share = (id: string) => screen.getByTestId(`split-share-${id}`).textContent
const type = (id: string, value: string) => act(() => void fireEvent.change(screen.getByTestId(`split-input-${id}`), { target: { value } }))
const fen = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100)

test('equal: 100.00 over three people previews 33.34 + 33.33 + 33.33, summing to the amount', () => {
  render(<Harness amount='100' />)
  const shares = ids.map((id) => fen(share(id)))
  expect(shares.reduce((a, b) => a + b, 0)).toBe(10000)
  expect([...shares].sort()).toEqual([3333, 3333, 3334])
  expect(screen.getByTestId('split-total').textContent).toContain('¥100.00')
})

test('removing a participant re-splits among the others', () => {
  render(<Harness amount='90' />)
  act(() => void fireEvent.click(screen.getByTestId('participants-cy')))
  expect(screen.queryByTestId('split-share-cy')).toBeNull()
  expect(fen(share('ann'))).toBe(4500)
  expect(fen(share('bo'))).toBe(4500)
})

test('shares: weights 2/1/1 of 10.00 preview 5.00, 2.50, 2.50', () => {
  render(<Harness amount='10' mode='shares' />)
  type('ann', '2')
  type('bo', '1')
  type('cy', '1')
  expect(ids.map((id) => fen(share(id)))).toEqual([500, 250, 250])
})

test('percent: the preview appears once the percentages total 100, and the message says what is wrong before that', () => {
  render(<Harness amount='200' mode='percent' />)
  type('ann', '50')
  type('bo', '25')
  expect(screen.getByTestId('split-error').textContent).toBe('比例合计必须是 100%')
  expect(share('ann')).toBe('—')
  type('cy', '25')
  expect(screen.queryByTestId('split-error')).toBeNull()
  expect(ids.map((id) => fen(share(id)))).toEqual([10000, 5000, 5000])
})

test('exact: amounts that do not add up are flagged (in English too); when they do, the preview is exact', () => {
  render(<Harness amount='30' mode='exact' locale='en' />)
  type('ann', '10')
  type('bo', '10')
  type('cy', '5')
  expect(screen.getByTestId('split-error').textContent).toBe('The amounts must add up to the total')
  type('cy', '10')
  expect(ids.map((id) => fen(share(id)))).toEqual([1000, 1000, 1000])
})

test('adjust: +3.00 for one person on top of an equal split of the rest', () => {
  render(<Harness amount='33' mode='adjust' />)
  type('ann', '3')
  const shares = ids.map((id) => fen(share(id)))
  expect(shares).toEqual([1300, 1000, 1000])
  expect(shares.reduce((a, b) => a + b, 0)).toBe(3300)
})

test('switching modes keeps the amount and previews again', () => {
  render(<Harness amount='12.34' />)
  expect(ids.map((id) => fen(share(id))).reduce((a, b) => a + b, 0)).toBe(1234)
  act(() => void fireEvent.click(screen.getByTestId('split-mode-shares')))
  expect(screen.getByTestId('split-input-ann')).toBeTruthy()
  expect(ids.map((id) => fen(share(id))).reduce((a, b) => a + b, 0)).toBe(1234)
})
