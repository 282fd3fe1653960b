import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { windowRange } from './window'

interface Props<T> {
  items: T[]
  rowHeight: number
  scrollTop: number
  listTop: number
  viewport: number
  renderItem: (item: T, index: number) => ReactNode
}

/** Renders only the rows near the viewport; spacers stand in for the rest. */
export default function ExpenseWindow<T>({ items, rowHeight, scrollTop, listTop, viewport, renderItem }: Props<T>) {
  const r = windowRange({ count: items.length, rowHeight, scrollTop, listTop, viewport })
  return (
    <View className='xwindow'>
      <View style={{ height: `${r.top}px` }} />
      {items.slice(r.start, r.end).map((item, i) => renderItem(item, r.start + i))}
      <View style={{ height: `${r.bottom}px` }} />
    </View>
  )
}
