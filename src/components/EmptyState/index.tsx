import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

/** What a page shows when there is nothing yet: what this is for and what to do first. */
export default function EmptyState({ icon, title, body, children }: { icon: string; title: string; body: string; children?: ReactNode }) {
  return (
    <View className='empty'>
      <Text className='empty__icon'>{icon}</Text>
      <Text className='empty__title'>{title}</Text>
      <Text className='empty__body'>{body}</Text>
      {children}
    </View>
  )
}
