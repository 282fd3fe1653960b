/**
 * What the expense search sends: listExpenses' filters from what the person typed and picked. Pure, so a page or a
 * store can keep one result list per search (searchKey) and page it with nextCursor like the whole list.
 */
import type { ExpenseFilters, ExpenseView } from '@/api'

/** The search form as typed: every field may be empty. */
export interface SearchDraft {
  text?: string
  category?: string
  memberId?: string
  /** YYYY-MM-DD */
  from?: string
  /** YYYY-MM-DD */
  to?: string
}

/** The function accepts at most this many characters of search text. */
export const SEARCH_TEXT_MAX = 100

/**
 * The filters to send: the text normalized and trimmed like the function does, cut to SEARCH_TEXT_MAX characters
 * (never half a character); empty fields left out; a range typed the wrong way round swapped.
 */
export function searchFilters(d: SearchDraft): ExpenseFilters {
  const out: ExpenseFilters = {}
  let text = (d.text ?? '').normalize('NFC').trim()
  if (text.length > SEARCH_TEXT_MAX) {
    text = text.slice(0, SEARCH_TEXT_MAX)
    const last = text.charCodeAt(text.length - 1)
    if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1)
    text = text.trim()
  }
  if (text) out.text = text
  if (d.category) out.category = d.category
  if (d.memberId) out.memberId = d.memberId
  let [from, to] = [d.from || undefined, d.to || undefined]
  if (from && to && from > to) [from, to] = [to, from]
  if (from) out.from = from
  if (to) out.to = to
  return out
}

/** Whether any filter is set (else the plain list answers). */
export function isSearching(f: ExpenseFilters): boolean {
  return Object.values(f).some((v) => v !== undefined)
}

/** One key per search, the same for the same filters whatever order they were set in ('' for no filter). */
export function searchKey(f: ExpenseFilters): string {
  const keys = (['text', 'category', 'memberId', 'from', 'to'] as const).filter((k) => f[k] !== undefined)
  return keys.length ? JSON.stringify(keys.map((k) => [k, f[k]])) : ''
}

/** The next page appended to what is shown, an expense already there not shown twice. */
export function appendPage(shown: ExpenseView[], page: ExpenseView[]): ExpenseView[] {
  const known = new Set(shown.map((x) => x.id))
  return [...shown, ...page.filter((x) => !known.has(x.id))]
}
