/**
 * Which rows of a long list to render: the ones in view plus some overscan, with the space of the rest kept by
 * spacers. Only the window goes to the view layer (setData in mini-programs), however many rows are loaded.
 */
export interface WindowRange {
  start: number
  end: number
  top: number
  bottom: number
}

export function windowRange(opts: { count: number; rowHeight: number; scrollTop: number; listTop: number; viewport: number; overscan?: number }): WindowRange {
  const { count, rowHeight, scrollTop, listTop, viewport } = opts
  const overscan = opts.overscan ?? 10
  const offset = Math.max(0, scrollTop - listTop)
  const first = Math.floor(offset / rowHeight)
  const visible = Math.ceil(viewport / rowHeight)
  const start = Math.max(0, Math.min(count, first - overscan))
  const end = Math.max(start, Math.min(count, first + visible + overscan))
  return { start, end, top: start * rowHeight, bottom: (count - end) * rowHeight }
}
