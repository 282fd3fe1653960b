/** Small real images for the receipt tests, and data URLs of them. */

/** A 1x1 PNG, a 1x1 JPEG and a 1x1 lossless WebP. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z',
  'base64'
)
export const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')

export const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`

/** A JPEG (by its first bytes) of `size` bytes, each one different from the next receipt's. */
export function jpegOf(size: number, fill = 0x42): Buffer {
  const b = Buffer.alloc(size, fill)
  JPEG.copy(b, 0, 0, Math.min(JPEG.length, size))
  return b
}
