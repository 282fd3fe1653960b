/** A receipt photo compressed on the phone, as data URLs: the image (~1280 px) and, where the platform can make one, its thumbnail (~240 px). */
export interface ReceiptPhoto {
  image: string
  thumb?: string
}

/** The image type a base64 payload really is, from its first bytes (JPEG, PNG or WebP), or null. */
export function sniffBase64(base64: string): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (base64.startsWith('/9j/')) return 'image/jpeg'
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png'
  if (base64.startsWith('UklGR') && base64.slice(8, 16).startsWith('V0VCU')) return 'image/webp'
  return null
}

/** A base64 payload as a data URL of the type its bytes are (null when it is not an image we keep). */
export function imageDataUrl(base64: string): string | null {
  const type = sniffBase64(base64)
  return type ? `data:${type};base64,${base64}` : null
}
