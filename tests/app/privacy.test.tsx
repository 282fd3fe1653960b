/**
 * On H5 (as on Alipay) the app asks before its first privacy API: the sheet waits for the answer, a decline runs
 * nothing, an agreement is kept on the device and not asked again.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PrivacySheet from '@/components/PrivacySheet'
import { withConsent } from '@/store/privacy'
import { sessionStore } from '@/store/session'

beforeEach(() => sessionStore.setState({ locale: 'en', token: 't', hydrated: true, privacyConsent: null }))

test('a decline runs nothing and keeps nothing; an agreement runs it and is kept', async () => {
  render(<PrivacySheet />)
  expect(screen.queryByTestId('privacy-sheet')).toBeNull()
  const use = jest.fn(async () => 'copied')

  let declined!: Promise<string | null>
  act(() => void (declined = withConsent(use)))
  expect(screen.getByTestId('privacy-sheet').textContent).toContain('Please read the privacy guide first')
  await act(async () => void fireEvent.click(screen.getByTestId('privacy-decline')))
  expect(await declined).toBeNull()
  expect(use).not.toHaveBeenCalled()
  expect(sessionStore.getState().privacyConsent).toBeNull()
  expect(screen.queryByTestId('privacy-sheet')).toBeNull()

  let agreed!: Promise<string | null>
  act(() => void (agreed = withConsent(use)))
  await act(async () => void fireEvent.click(screen.getByTestId('privacy-agree')))
  expect(await agreed).toBe('copied')
  expect(sessionStore.getState().privacyConsent).toMatch(/^\d{4}-\d\d-\d\dT/)

  expect(await withConsent(use)).toBe('copied')
  expect(screen.queryByTestId('privacy-sheet')).toBeNull()
  expect(use).toHaveBeenCalledTimes(2)
})

test('the sheet links to the privacy guide and the user agreement', async () => {
  render(<PrivacySheet />)
  act(() => void withConsent(async () => null))
  fireEvent.click(screen.getByTestId('privacy-open-guide'))
  fireEvent.click(screen.getByTestId('privacy-open-terms'))
  expect((Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0].url)).toEqual(expect.arrayContaining(['/pages/legal/index?doc=privacy', '/pages/legal/index?doc=terms']))
})
