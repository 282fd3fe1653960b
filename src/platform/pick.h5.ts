import type { PickedText, PickSource } from './pick-types'

/** H5: the browser's file chooser. */
export const pickSource: PickSource = 'file'
export const pickIsPrivate = false

export function pickText(): Promise<PickedText | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.json,.csv,.txt,application/json,text/csv,text/plain'
    input.style.display = 'none'
    const done = (value: PickedText | null) => {
      input.remove()
      resolve(value)
    }
    input.addEventListener('cancel', () => done(null))
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return done(null)
      file.text().then((content) => done({ name: file.name, content }), () => done(null))
    })
    document.body.appendChild(input)
    input.click()
  })
}
