/**
 * The platform's page-stack rules: what a navigation call does to the stack, or the failure it reports.
 *   navigateTo   hides the top page and opens a new one (at most 10 pages; never a tab page)
 *   redirectTo   closes the top page and opens a new one (never a tab page)
 *   navigateBack closes `delta` pages (not the last one) and shows the page below
 *   switchTab    closes the pages and opens a tab page;  reLaunch closes every page and opens any page
 */
import path from 'node:path'
import type { NavigationKind } from './host'

export const MAX_PAGES = 10

export function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [pathPart, queryPart = ''] = url.split('?')
  let route = pathPart.startsWith('/') ? pathPart.slice(1) : from ? path.posix.join(path.posix.dirname(from), pathPart) : pathPart
  route = path.posix.normalize(route).replace(/\.(js|html)$/, '')
  const query: Record<string, string> = {}
  for (const pair of queryPart.split('&')) {
    if (!pair) continue
    const i = pair.indexOf('=')
    // the platform hands query values to onLoad as written (still percent-encoded)
    query[i < 0 ? pair : pair.slice(0, i)] = i < 0 ? '' : pair.slice(i + 1)
  }
  return { route, query }
}

export interface NavigationPlan {
  /** How many pages to close from the top (onUnload), before anything opens. */
  close: number
  /** Whether the page left on top is hidden (navigateTo) rather than closed. */
  hideTop: boolean
  /** The page to open, if any; navigateBack opens none and shows the page below. */
  open?: { route: string; query: Record<string, string> }
}

export function planNavigation(
  kind: NavigationKind,
  options: { url?: string; delta?: number },
  stack: string[],
  app: { routes: string[]; tabRoutes: string[] }
): NavigationPlan {
  const top = stack[stack.length - 1]
  if (kind === 'navigateBack') {
    if (stack.length <= 1) throw new Error('cannot navigate back at first page.')
    return { close: Math.min(Math.max(1, options.delta ?? 1), stack.length - 1), hideTop: false }
  }
  if (!options.url) throw new Error('parameter error: url is required')
  const open = parseUrl(options.url, top)
  if (!app.routes.includes(open.route)) throw new Error(`page "${open.route}" is not found`)
  const isTab = app.tabRoutes.includes(open.route)
  if ((kind === 'navigateTo' || kind === 'redirectTo') && isTab) throw new Error(`can not ${kind} a tabbar page`)
  if (kind === 'switchTab' && !isTab) throw new Error('can not switch to no-tabBar page')
  switch (kind) {
    case 'navigateTo':
      if (stack.length >= MAX_PAGES) throw new Error('webview count limit exceed')
      return { close: 0, hideTop: stack.length > 0, open }
    case 'redirectTo':
      return { close: stack.length > 0 ? 1 : 0, hideTop: false, open }
    default:
      return { close: stack.length, hideTop: false, open }
  }
}
