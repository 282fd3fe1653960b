/** The expense list window: rows near the viewport plus overscan; spacers keep the scroll height exact. */
import { windowRange } from '@/components/ExpenseWindow/window'

test('at the top, the window is the visible rows plus overscan below', () => {
  const r = windowRange({ count: 5000, rowHeight: 68, scrollTop: 0, listTop: 200, viewport: 844, overscan: 10 })
  expect(r).toEqual({ start: 0, end: 23, top: 0, bottom: (5000 - 23) * 68 })
})

test('far down, the window moves and the spacers add up to the full height', () => {
  const r = windowRange({ count: 5000, rowHeight: 68, scrollTop: 200 + 68 * 3000, listTop: 200, viewport: 844, overscan: 10 })
  expect(r.start).toBe(2990)
  expect(r.end).toBe(3023)
  expect(r.top + (r.end - r.start) * 68 + r.bottom).toBe(5000 * 68)
})

test('past the end, the window holds the last rows and never more than count', () => {
  const r = windowRange({ count: 40, rowHeight: 68, scrollTop: 99_999, listTop: 0, viewport: 844 })
  expect(r.end).toBe(40)
  expect(r.start).toBeLessThanOrEqual(40)
  expect(r.bottom).toBe(0)
})

test('the number of rows rendered does not grow with the list', () => {
  const sizes = [100, 1000, 100_000].map((count) => {
    const r = windowRange({ count, rowHeight: 68, scrollTop: 68 * 50, listTop: 0, viewport: 844 })
    return r.end - r.start
  })
  expect(new Set(sizes).size).toBe(1)
})
