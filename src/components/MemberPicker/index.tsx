import { View, Text } from '@tarojs/components'
import Avatar from '@/components/Avatar'

export interface PickerMember {
  id: string
  name: string
  avatar?: string | null
}

/** Chips to pick members: one (payer) or several (participants). */
export default function MemberPicker({ members, selected, onChange, multiple = true, testId }: { members: PickerMember[]; selected: string[]; onChange: (ids: string[]) => void; multiple?: boolean; testId?: string }) {
  const toggle = (id: string) => {
    if (!multiple) return onChange([id])
    onChange(selected.includes(id) ? selected.filter((x) => x !== id) : members.map((m) => m.id).filter((x) => x === id || selected.includes(x)))
  }
  return (
    <View className='chips' data-testid={testId}>
      {members.map((m) => {
        const on = selected.includes(m.id)
        return (
          <View key={m.id} className={`chip${on ? ' chip--on' : ''}`} onClick={() => toggle(m.id)} data-testid={testId ? `${testId}-${m.id}` : undefined} role='checkbox' aria-checked={on}>
            <Avatar name={m.name} src={m.avatar} size='sm' dim={!on} />
            <Text style={{ marginLeft: '12px' }}>{m.name}</Text>
          </View>
        )
      })}
    </View>
  )
}
