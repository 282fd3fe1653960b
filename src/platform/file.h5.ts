import type { FileDelivery } from './file-types'

/** H5: the browser downloads the file. */
export async function deliverFile(name: string, content: string): Promise<FileDelivery> {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return 'downloaded'
}
