/** The window the pages draw in, in px (the device's logical pixels). */
export interface WindowSize {
  width: number
  height: number
}
