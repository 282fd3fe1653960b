/**
 * How the platform delivers an event to a page: at the element that was touched, then bubbling up through every
 * ancestor whose template binds the event to `eh` (`bind`), stopping at a `catch` binding. Non-bubbling events
 * (input, change, blur...) reach only the element itself. Each delivery is one call of the page's `eh` with the
 * platform's event object (`target` is where it happened, `currentTarget` the element being called).
 */
import type { ViewNode } from './nodes'

const BUBBLES = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])

/** The elements whose `eh` the platform calls, in order; empty when nothing handles the event. */
export function deliveryPath(node: ViewNode, type: string): ViewNode[] {
  const path: ViewNode[] = []
  const bubbles = BUBBLES.has(type)
  for (let n: ViewNode | null = node; n && n.tag !== 'page'; n = n.parent) {
    const binding = n.template?.events[type]
    if (binding) {
      path.push(n)
      if (binding === 'catch' || !bubbles) break
    } else if (!bubbles) {
      break
    }
  }
  return path
}

const describe = (n: ViewNode) => ({ id: String(n.attrs.id ?? n.sid), dataset: { sid: n.sid }, offsetLeft: 0, offsetTop: 0 })

let clock = 1000

/** The event objects of one user action, one per element on the delivery path (they share a timeStamp). */
export function platformEvents(type: string, target: ViewNode, path: ViewNode[], detail: Record<string, unknown>): Record<string, unknown>[] {
  const timeStamp = ++clock
  return path.map((current) => ({
    type,
    timeStamp,
    target: describe(target),
    currentTarget: describe(current),
    detail,
    touches: [],
    changedTouches: [],
    mark: {}
  }))
}
