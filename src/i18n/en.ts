import type { Messages } from './index'

export const en: Messages = {
  'app.name': 'Split',
  'groups.title': 'My groups',
  'groups.empty.title': 'No groups yet',
  'groups.empty.body': 'Create a group, invite your friends from the chat, add what each of you paid, and settle up in one tap.',
  'groups.create': 'New group',
  'platform.payWith': 'Pay with {wallet}'
}
