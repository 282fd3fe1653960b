/**
 * Opens a page the way Taro's runtime does: onLoad mounts the tree, and the platform's onShow follows at once,
 * after the first render is committed and before the tree's effects run (a layout effect of the root runs after
 * every layout effect below it and before any passive effect).
 */
import { render, type RenderResult } from '@testing-library/react'
import { useLayoutEffect, type ReactElement, type ReactNode } from 'react'
import { page } from './taro'

function OnShowAfterLoad({ children }: { children: ReactNode }) {
  useLayoutEffect(() => page.show(), [])
  return <>{children}</>
}

export function openPage(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: OnShowAfterLoad })
}
