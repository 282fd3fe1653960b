import type { ExpenseView } from '@/api'
import { actions } from '@/api'
import { appendPage, isSearching, SEARCH_TEXT_MAX, searchFilters, searchKey } from '@/services/expenseSearch'

describe('searchFilters', () => {
  test('empty fields are left out; the text is trimmed', () => {
    expect(searchFilters({ text: '  咖啡 ', category: '', memberId: '', from: '', to: '' })).toEqual({ text: '咖啡' })
    expect(searchFilters({ text: '   ' })).toEqual({})
    expect(isSearching(searchFilters({ text: ' ' }))).toBe(false)
    expect(isSearching(searchFilters({ category: 'food' }))).toBe(true)
  })

  test('a reversed range is swapped; one end alone is kept', () => {
    expect(searchFilters({ from: '2026-10-20', to: '2026-10-01' })).toEqual({ from: '2026-10-01', to: '2026-10-20' })
    expect(searchFilters({ to: '2026-10-01' })).toEqual({ to: '2026-10-01' })
  })

  test('what it makes is accepted by listExpenses, also from text too long or cut in a character', () => {
    const drafts = [
      { text: 'x'.repeat(300) },
      { text: `${'a'.repeat(SEARCH_TEXT_MAX - 1)}😀tail` },
      { text: 'Cafe\u0301', category: 'food', memberId: 'm_1', from: '2026-12-01', to: '2026-01-01' }
    ]
    for (const d of drafts) {
      const f = searchFilters(d)
      expect(actions.listExpenses.input.safeParse({ groupId: 'g_1', ...f }).success).toBe(true)
      expect((f.text ?? '').length).toBeLessThanOrEqual(SEARCH_TEXT_MAX)
    }
    expect(searchFilters(drafts[1]).text).toBe('a'.repeat(SEARCH_TEXT_MAX - 1))
    expect(searchFilters(drafts[2]).text).toBe('Caf\u00e9')
    // and the function's schema does refuse what searchFilters avoids
    expect(actions.listExpenses.input.safeParse({ groupId: 'g_1', text: 'x'.repeat(101) }).success).toBe(false)
    expect(actions.listExpenses.input.safeParse({ groupId: 'g_1', from: '2026-12-01', to: '2026-01-01' }).success).toBe(false)
  })
})

test('searchKey is the same for the same filters in any order, and differs otherwise', () => {
  expect(searchKey({ text: 'a', category: 'food' })).toBe(searchKey({ category: 'food', text: 'a' }))
  expect(searchKey({ text: 'a' })).not.toBe(searchKey({ text: 'b' }))
  expect(searchKey({ text: 'a' })).not.toBe(searchKey({ category: 'a' }))
  expect(searchKey({})).toBe('')
})

test('appendPage never shows an expense twice', () => {
  const v = (id: string) => ({ id }) as ExpenseView
  expect(appendPage([v('a'), v('b')], [v('b'), v('c')]).map((x) => x.id)).toEqual(['a', 'b', 'c'])
})
