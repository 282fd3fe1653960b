/**
 * The app's faults: a page that throws while drawing shows a calm card with the reference the function logged the
 * report under (never a white screen); the report leaves the phone without personal data (names in quotes, numbers,
 * e-mail-like words masked) and at most a few distinct ones per launch; a failed call on the function's side says its
 * reference.
 */
import { act, render, screen } from '@testing-library/react'
import FaultBoundary from '@/components/FaultBoundary'
import { setTransport } from '@/services/api'
import { CallError } from '@/services/errors'
import { MAX_REPORTS, reportFault, scrub } from '@/services/faults'
import { failureText } from '@/services/notify'
import type { Envelope } from '@/services/wire'
import { sessionStore } from '@/store/session'

const reports: Record<string, unknown>[] = []
let next = 0

beforeEach(() => {
  reports.length = 0
  sessionStore.setState({ locale: 'zh-CN', token: 't', hydrated: true })
  setTransport(async (envelope: Envelope) => {
    if (envelope.action !== 'reportFault') return { status: 404, body: { ok: false as const, error: { code: 'UNKNOWN_ACTION', message: '' } } }
    reports.push(envelope.input as Record<string, unknown>)
    return { status: 200, body: { ok: true as const, data: { requestId: `r${String(++next).padStart(12, '0')}` } } }
  })
})

test('scrub masks quoted text, numbers and e-mail-like words', () => {
  expect(scrub('Cannot read "小明" of expense 12345 for ann@example.com')).toBe('Cannot read "…" of expense 0 for …@…')
  expect(scrub("TypeError: 'Trip to 大理' is not a function")).toBe("TypeError: '…' is not a function")
})

function Broken({ name }: { name: string }): never {
  throw new TypeError(`member "${name}" has no balance 4200`)
}

test('a page that throws shows the calm card with the reference, and the report carries no personal data', async () => {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
  try {
    render(
      <FaultBoundary>
        <Broken name='小明' />
      </FaultBoundary>
    )
    expect(screen.getByTestId('fault').textContent).toContain('出了点问题')
    const ref = await screen.findByTestId('fault-ref')
    expect(ref.textContent).toMatch(/问题编号：r\d{12}/)
    expect(screen.getByTestId('fault-home').textContent).toBe('返回首页')
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({ kind: 'render', message: 'TypeError: member "…" has no balance 0', platform: 'h5' })
    expect(JSON.stringify(reports[0])).not.toMatch(/小明|4200/)
  } finally {
    quiet.mockRestore()
  }
})

test('the same fault is reported once, and at most MAX_REPORTS per launch', async () => {
  const first = await reportFault('error', new Error('boom 1'))
  expect(first).toMatch(/^r\d{12}$/)
  expect(await reportFault('error', new Error('boom 2'))).toBeNull() // the same once digits are masked
  for (let i = 0; i < MAX_REPORTS + 3; i++) await act(async () => void (await reportFault('rejection', `reason ${'x'.repeat(i + 1)}`)))
  expect(reports.length).toBeLessThanOrEqual(MAX_REPORTS)
})

test('a failure on the function side says its reference; a refusal does not need one', () => {
  expect(failureText(new CallError('INTERNAL', 500, 'x', undefined, 'r0123456789ab'), 'en')).toContain('Reference: r0123456789ab')
  expect(failureText(new CallError('NOT_MEMBER', 403, 'x', undefined, 'r0123456789ab'), 'en')).not.toContain('Reference')
})
