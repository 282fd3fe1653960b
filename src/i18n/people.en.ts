import type { zhCNPeople } from './people.zh-CN'

export const enPeople: Record<keyof typeof zhCNPeople, string> = {
  'people.title': 'Friends',
  'people.hint': 'What is open with each person, across your groups. Each group settles on its own.',
  'people.owesYou': 'Owes you',
  'people.youOwe': 'You owe',
  'people.even': 'Even',
  'people.youPay': 'You pay {name}',
  'people.theyPay': '{name} pays you',
  'people.waiting': 'paid, to confirm',
  'people.settle': 'Settle in this group',
  'people.empty.title': 'All settled up',
  'people.empty.body': 'Nobody owes you and you owe nobody in any group.'
}
