import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A labelled form row with its inline validation message. */
export default function Field({ label, error, children, testId }: { label: string; error?: string | null; children: ReactNode; testId?: string }) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {children}
      {error ? (
        <Text className='field__error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
