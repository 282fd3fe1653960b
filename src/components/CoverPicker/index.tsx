import { View, Text } from '@tarojs/components'
import { coverEmojis } from '@/services/categories'
import './index.css'

/** The group's cover emoji, picked from a short list (the current one is kept in the list if it is another). */
export default function CoverPicker({ value, onChange }: { value: string; onChange: (emoji: string) => void }) {
  const choices = coverEmojis.includes(value) ? coverEmojis : [value, ...coverEmojis]
  return (
    <View className='covers'>
      {choices.map((c) => (
        <View key={c} className={`cover${c === value ? ' cover--on' : ''}`} onClick={() => onChange(c)} data-testid={`cover-${c}`}>
          <Text>{c}</Text>
        </View>
      ))}
    </View>
  )
}
