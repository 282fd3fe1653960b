/** A text file the person handed to the app (an export to import), or pasted text (`name` empty). */
export interface PickedText {
  name: string
  content: string
}

/** Where an import comes from on this platform: a file chosen from a chat or the disk, or the clipboard. */
export type PickSource = 'file' | 'clipboard'
