/**
 * A person's avatar: their picture when the function sent one (on H5 the path is the URL), the initial of their name
 * otherwise, and the initial again when the picture cannot be loaded (a removed or unreachable image).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Avatar from '@/components/Avatar'

test('a picture when there is one; the initial without one', () => {
  const { container, rerender } = render(<Avatar name='小红' src='/avatars/0123456789abcdef0123456789abcdef' />)
  const img = screen.getByTestId('avatar-image') as HTMLImageElement
  expect(img.getAttribute('src')).toBe('/avatars/0123456789abcdef0123456789abcdef')
  expect(img.getAttribute('aria-label')).toBe('小红')
  expect(container.textContent).toBe('')
  rerender(<Avatar name='bo' src={null} />)
  expect(screen.queryByTestId('avatar-image')).toBeNull()
  expect(container.textContent).toBe('B')
})

test('a picture that cannot be loaded falls back to the initial; a new picture is tried again', async () => {
  const { container, rerender } = render(<Avatar name='阿明' src='/avatars/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' />)
  await act(async () => void fireEvent.error(screen.getByTestId('avatar-image')))
  expect(screen.queryByTestId('avatar-image')).toBeNull()
  expect(container.textContent).toBe('阿')
  rerender(<Avatar name='阿明' src='/avatars/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' />)
  expect((screen.getByTestId('avatar-image') as HTMLImageElement).getAttribute('src')).toBe('/avatars/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')
})
