/**
 * The home page's glance: what I owe and am owed across all my groups (listGroups' first page carries the totals
 * per currency), a row per currency, or "all settled" when nothing is open; in English and Chinese.
 */
import { render, screen } from '@testing-library/react'
import type { CurrencyTotals } from '@/api/actions'
import GroupsPage from '@/pages/index'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'

import { groupSummary } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

let totals: CurrencyTotals[] | undefined
let items = [groupSummary(0, '2026-11-01T00:00:00.000Z')]

function start(locale: 'en' | 'zh-CN') {
  groupsStore.getState().reset()
  sessionStore.setState({ locale, token: 't', hydrated: true })
  setTransport(async (envelope: Envelope) => {
    if (envelope.action !== 'listGroups') return { status: 404, body: { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } } }
    return { status: 200, body: { ok: true, data: { items, nextCursor: null, ...(totals ? { totals } : {}) } } }
  })
  render(<GroupsPage />)
}

beforeEach(() => {
  items = [groupSummary(0, '2026-11-01T00:00:00.000Z')]
})

test('one row per currency, never converted', async () => {
  totals = [
    { currency: 'CNY', owe: 12345, owed: 500, groups: 3 },
    { currency: 'JPY', owe: 0, owed: 1200, groups: 1 }
  ]
  start('en')
  const cny = await screen.findByTestId('totals-CNY')
  expect(cny.textContent!.replace(/\s+/g, ' ')).toBe('You owe in allCN¥123.45You are owed in allCN¥5.00')
  expect(screen.getByTestId('totals-JPY').textContent).toContain('¥1,200')
})

test('all settled, in Chinese', async () => {
  totals = []
  start('zh-CN')
  expect((await screen.findByTestId('totals')).textContent).toBe('所有账本都结清了')
})

test('no card before the function has sent totals, or without any group', async () => {
  totals = undefined
  start('en')
  await screen.findByTestId('group-g0')
  expect(screen.queryByTestId('totals')).toBeNull()
})
