/** Activity lines: every kind of change reads as a sentence in both languages (no raw kind names). */
import { ActivityKind, type ActivityView } from '@/api/views'
import { describeActivity } from '@/pages/activity'

const item = (kind: ActivityView['kind'], data: Record<string, unknown>): ActivityView => ({
  id: 'a1',
  at: '2026-11-20T10:00:00.000Z',
  kind,
  actor: { memberId: 'm1', name: 'Ann' },
  version: 2,
  data
})

test.each(ActivityKind.options)('%s reads as a sentence in zh-CN and en', (kind) => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const text = describeActivity(item(kind, { description: 'Hotpot', amount: 1230, name: 'Cy' }), locale, 'CNY')
    expect(text).not.toContain(kind)
    expect(text).not.toMatch(/\{\w+\}/)
  }
})

test('who did what, with the amount in the group currency', () => {
  expect(describeActivity(item('expense.add', { description: '火锅', amount: 12000 }), 'zh-CN', 'CNY')).toBe('Ann 记了一笔「火锅」¥120.00')
  expect(describeActivity(item('expense.delete', { description: 'Taxi' }), 'en', 'CNY')).toBe('Ann deleted "Taxi"')
  expect(describeActivity(item('expense.edit', { before: { description: 'Tea' }, after: { description: 'Tea & cake' } }), 'en', 'CNY')).toBe('Ann edited "Tea & cake"')
  expect(describeActivity(item('payment.confirm', { amount: 3250 }), 'en', 'USD')).toContain('$32.50')
})
