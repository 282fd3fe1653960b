/**
 * The home page pages through listGroups: the function answers 50 groups at a time with a nextCursor, and
 * reaching the bottom of the list asks for the next page until there is none. The function is played by a
 * transport that pages an in-memory list with opaque cursors (the paging itself is tested in
 * tests/cloud/list-groups.test.ts).
 */
import { act, render, screen } from '@testing-library/react'
import { page } from '../doubles/taro'
import type { GroupSummary } from '@/api/views'
import GroupsPage from '@/pages/index'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'

import { groupSummary } from './fixtures'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

const groups: GroupSummary[] = Array.from({ length: 123 }, (_, i) =>
  groupSummary(i, new Date(Date.UTC(2026, 0, 1) + (200 - i) * 60_000).toISOString())
)

const requests: Array<Record<string, unknown>> = []

beforeEach(() => {
  requests.length = 0
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'en', token: 't', hydrated: true })
  setTransport(async (envelope: Envelope) => {
    const input = envelope.input as { cursor?: string; limit?: number }
    requests.push({ action: envelope.action, ...input })
    if (envelope.action !== 'listGroups') return { status: 404, body: { ok: false, error: { code: 'UNKNOWN_ACTION', message: '' } } }
    const start = input.cursor ? Number(Buffer.from(input.cursor, 'base64url').toString()) : 0
    const end = Math.min(start + (input.limit ?? 50), groups.length)
    const nextCursor = end < groups.length ? Buffer.from(String(end)).toString('base64url') : null
    return { status: 200, body: { ok: true, data: { items: groups.slice(start, end), nextCursor } } }
  })
})

const cards = () => screen.queryAllByTestId(/^group-g\d+$/)
const reachBottom = async () => {
  await act(async () => {
    page.reachBottom()
    await new Promise((r) => setTimeout(r, 0))
  })
}

test('reaching the bottom follows nextCursor until the last page, then asks for nothing', async () => {
  render(<GroupsPage />)
  await screen.findByTestId('group-g49')
  expect(cards()).toHaveLength(50)
  // showing the page loads the first page (no cursor)
  expect(requests.length).toBeGreaterThan(0)
  expect(requests.every((r) => r.action === 'listGroups' && !('cursor' in r))).toBe(true)
  const first = requests.length

  await reachBottom()
  expect(cards()).toHaveLength(100)
  expect(requests.slice(first)).toEqual([{ action: 'listGroups', cursor: Buffer.from('50').toString('base64url') }])

  await reachBottom()
  expect(cards()).toHaveLength(123)
  expect(screen.getByTestId('group-g122')).toBeTruthy()
  // newest first, in the function's order, no duplicates
  expect(cards().map((c) => c.getAttribute('data-testid'))).toEqual(groups.map((g) => `group-${g.id}`))

  expect(requests.slice(first)).toHaveLength(2)
  await reachBottom()
  expect(requests.slice(first)).toHaveLength(2)
  expect(groupsStore.getState().listCursor).toBeNull()
})

test('a pull-down refresh starts again from the first page', async () => {
  render(<GroupsPage />)
  await screen.findByTestId('group-g49')
  await reachBottom()
  expect(cards()).toHaveLength(100)
  await act(async () => {
    await groupsStore.getState().loadList()
  })
  expect(cards()).toHaveLength(50)
  expect(groupsStore.getState().listCursor).toBe(Buffer.from('50').toString('base64url'))
})

test('a list already in memory renders one screen of cards first, then the rest right after', async () => {
  // a returning user: the list is there (from storage) before the page renders
  groupsStore.setState({ list: groups.slice(0, 20), listLoaded: true })
  render(<GroupsPage />)
  expect(cards()).toHaveLength(6)
  expect(cards().map((c) => c.getAttribute('data-testid'))).toEqual(groups.slice(0, 6).map((g) => `group-${g.id}`))
  await screen.findByTestId(`group-${groups[19].id}`)
  expect(cards().length).toBeGreaterThanOrEqual(20)
})
