import type { FileDelivery } from './file-types'

/** H5: the browser downloads the file. */
/** Whether handing it over uses a privacy API (the clipboard), so the person's consent comes first. */
export const deliveryIsPrivate = false

export async function deliverFile(name: string, content: string): Promise<FileDelivery> {
  const type = name.endsWith('.csv') ? 'text/csv;charset=utf-8' : 'application/json'
  const url = URL.createObjectURL(new Blob([content], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return 'downloaded'
}
