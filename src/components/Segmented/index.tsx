import { View, Text } from '@tarojs/components'
import { roleProps } from '@/platform/role'
import './index.css'

/**
 * A row of mutually exclusive options (split mode, wallet, language), or of tabs (`tabs`: the group page's sections).
 * In the H5 preview, screen readers hear a radio group (or a tab list) and which one is chosen (Taro 4.2's
 * mini-program templates do not carry role or aria attributes).
 */
export default function Segmented<T extends string>({
  options,
  value,
  onChange,
  testId,
  tabs = false,
  label
}: {
  options: { value: T; label: string }[]
  value: T
  onChange: (v: T) => void
  testId?: string
  tabs?: boolean
  /** What the options choose, for screen readers (the visible field label beside the row, when there is one). */
  label?: string
}) {
  return (
    <View className='segmented' data-testid={testId} {...roleProps(tabs ? 'tablist' : 'radiogroup')} aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`segmented__item${o.value === value ? ' segmented__item--on' : ''}`}
          onClick={() => onChange(o.value)}
          data-testid={testId ? `${testId}-${o.value}` : undefined}
          {...roleProps(tabs ? 'tab' : 'radio')}
          aria-selected={tabs ? o.value === value : undefined}
          aria-checked={tabs ? undefined : o.value === value}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
