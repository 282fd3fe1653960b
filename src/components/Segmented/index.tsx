import { View, Text } from '@tarojs/components'
import './index.css'

/** A row of mutually exclusive options (split mode, tabs, wallet, language). */
export default function Segmented<T extends string>({ options, value, onChange, testId }: { options: { value: T; label: string }[]; value: T; onChange: (v: T) => void; testId?: string }) {
  return (
    <View className='segmented' data-testid={testId}>
      {options.map((o) => (
        <View key={o.value} className={`segmented__item${o.value === value ? ' segmented__item--on' : ''}`} onClick={() => onChange(o.value)} data-testid={testId ? `${testId}-${o.value}` : undefined} role='tab' aria-selected={o.value === value}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
