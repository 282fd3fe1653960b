/**
 * The Me page shows the collection QR code already uploaded as a thumbnail (read back with getMemberQr in one
 * of my groups), and offers replace and remove; removing clears it on the function (setWallet qrImage null).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { UserView } from '@/api/views'
import MePage from '@/pages/me'
import { setTransport } from '@/services/api'
import type { Envelope } from '@/services/wire'
import { sessionStore } from '@/store/session'
import { groupsStore } from '@/store/groups'

const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
let stored: string | null
let groupsOfMine: number
const calls: Array<{ action: string; input: Record<string, unknown> }> = []

const user = (): UserView => ({ id: 'u1', name: 'Ann', wallet: 'wechat', hasQr: stored !== null, locale: 'zh-CN' })

beforeEach(() => {
  calls.length = 0
  stored = png
  groupsOfMine = 1
  groupsStore.getState().reset()
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true, user: user() })
  setTransport(async (envelope: Envelope) => {
    const input = envelope.input as Record<string, unknown>
    calls.push({ action: envelope.action, input })
    const ok = (data: unknown) => ({ status: 200, body: { ok: true as const, data } })
    switch (envelope.action) {
      case 'getMe':
        return ok({ user: user() })
      case 'listGroups':
        return ok({ items: Array.from({ length: groupsOfMine }, (_, i) => ({ id: `g${i}`, name: 'Trip', currency: 'CNY', emoji: '🏕️', version: 1, me: `m${i}`, memberCount: 2, myBalance: 0, createdAt: '2026-11-01T00:00:00.000Z' })), nextCursor: null })
      case 'getMemberQr':
        return ok({ memberId: input.memberId, wallet: 'wechat', qrImage: stored })
      case 'setWallet':
        if ('qrImage' in input) stored = input.qrImage as string | null
        return ok({ user: user() })
      default:
        return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: envelope.action } } }
    }
  })
})

const thumbnail = () => document.querySelector('img.me__qr') as HTMLImageElement | null

test('the uploaded code shows as a thumbnail, read through one of my groups as myself', async () => {
  render(<MePage />)
  await screen.findByTestId('me-qr-remove')
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(thumbnail()?.getAttribute('src')).toBe(png)
  expect(calls.find((c) => c.action === 'getMemberQr')?.input).toEqual({ groupId: 'g0', memberId: 'm0' })
  expect(screen.getByTestId('me-qr').textContent).toBe('更换收款码')
})

test('remove clears the code on the function and the thumbnail goes away', async () => {
  render(<MePage />)
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(thumbnail()).not.toBeNull()
  await act(async () => void fireEvent.click(screen.getByTestId('me-qr-remove')))
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(calls.filter((c) => c.action === 'setWallet').map((c) => c.input.qrImage)).toEqual([null])
  expect(stored).toBeNull()
  expect(thumbnail()).toBeNull()
  expect(screen.queryByTestId('me-qr-remove')).toBeNull()
  expect(screen.getByTestId('me-qr').textContent).toBe('上传收款码')
})

test('with no group to read it through, the page still says a code is uploaded', async () => {
  groupsOfMine = 0
  render(<MePage />)
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(thumbnail()).toBeNull()
  expect(screen.getByTestId('me-qr-saved').textContent).toBe('已上传收款码')
  expect(screen.getByTestId('me-qr-remove')).toBeTruthy()
})

test('without a code there is only the upload button', async () => {
  stored = null
  sessionStore.setState({ user: user() })
  render(<MePage />)
  await act(async () => new Promise((r) => setTimeout(r, 20)))
  expect(calls.some((c) => c.action === 'getMemberQr')).toBe(false)
  expect(screen.queryByTestId('me-qr-remove')).toBeNull()
  expect(screen.getByTestId('me-qr').textContent).toBe('上传收款码')
})
