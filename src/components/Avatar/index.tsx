import { View, Text, Image } from '@tarojs/components'
import { useState } from 'react'
import { avatarUrl } from '@/platform/avatar'
import { named } from '@/components/accessible-name'
import './index.css'

const palette = ['#0f9d76', '#3370ff', '#f5a623', '#e5484d', '#8e5cf7', '#14a3c7', '#d4477f', '#5f8c00']

function colorOf(name: string): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return palette[h % palette.length]
}

/**
 * A person's avatar: their picture when they set one (`src`, the path the function sent), otherwise (or when the
 * picture cannot be loaded) a round badge with the first character of their name.
 */
export default function Avatar({ name, src, size = 'md', dim = false }: { name: string; src?: string | null; size?: 'sm' | 'md' | 'lg'; dim?: boolean }) {
  const [broken, setBroken] = useState<string | null>(null)
  const className = `avatar avatar--${size}${dim ? ' avatar--dim' : ''}`
  if (src && broken !== src) {
    return <Image className={`${className} avatar--image`} src={avatarUrl(src)} mode='aspectFill' ariaLabel={name} onError={() => setBroken(src)} data-testid='avatar-image' />
  }
  const first = Array.from(name.trim())[0] ?? '?'
  return (
    <View className={className} style={{ background: colorOf(name) }} {...named(name, 'img')}>
      <Text className='avatar__text' aria-hidden='true'>{first.toUpperCase()}</Text>
    </View>
  )
}
