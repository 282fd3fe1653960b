import { View, Text } from '@tarojs/components'
import './index.css'

const palette = ['#0f9d76', '#3370ff', '#f5a623', '#e5484d', '#8e5cf7', '#14a3c7', '#d4477f', '#5f8c00']

function colorOf(name: string): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return palette[h % palette.length]
}

/** A round badge with the first character of a name. */
export default function Avatar({ name, size = 'md', dim = false }: { name: string; size?: 'sm' | 'md' | 'lg'; dim?: boolean }) {
  const first = Array.from(name.trim())[0] ?? '?'
  return (
    <View className={`avatar avatar--${size}${dim ? ' avatar--dim' : ''}`} style={{ background: colorOf(name) }}>
      <Text className='avatar__text'>{first.toUpperCase()}</Text>
    </View>
  )
}
