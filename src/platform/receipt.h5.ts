import type { ReceiptPhoto } from './receipt-types'

/** An image element scaled into a JPEG data URL at most `size` px on its longer side. */
function scaled(img: HTMLImageElement, size: number, quality: number): string {
  const scale = Math.min(1, size / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/jpeg', quality)
}

function pickFiles(max: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = max > 1
    input.style.display = 'none'
    const done = (files: File[]) => {
      input.remove()
      resolve(files.slice(0, max))
    }
    input.addEventListener('cancel', () => done([]))
    input.addEventListener('change', () => done(Array.from(input.files ?? [])))
    document.body.appendChild(input)
    input.click()
  })
}

/** H5: image files the person picks, compressed with a canvas: the image at most 1280 px, the thumbnail 240 px. */
export async function chooseReceiptPhotos(max: number): Promise<ReceiptPhoto[]> {
  const out: ReceiptPhoto[] = []
  for (const file of await pickFiles(max)) {
    const url = URL.createObjectURL(file)
    try {
      const img = new window.Image()
      img.src = url
      await img.decode()
      out.push({ image: scaled(img, 1280, 0.8), thumb: scaled(img, 240, 0.7) })
    } catch {
      // not an image the browser can read: skipped
    } finally {
      URL.revokeObjectURL(url)
    }
  }
  return out
}
