import type { zhCNGroupNew } from './group-new.zh-CN'

/** Messages of the group-new page (its own subpackage), loaded with it by src/i18n/group-new.ts. */
export const enGroupNew: Record<keyof typeof zhCNGroupNew, string> = {
  'groupNew.title': 'New group',
  'groupNew.name': 'Group name',
  'groupNew.namePlaceholder': 'e.g. Weekend camping',
  'groupNew.currency': 'Currency',
  'groupNew.cover': 'Cover',
  'groupNew.removeFriend': 'Remove {name}',
  'groupNew.members': 'Members (optional)',
  'groupNew.membersHint': 'Add your friends by name; they can claim their name when they join from the invite',
  'groupNew.memberPlaceholder': "Friend's name",
  'groupNew.addMember': 'Add',
  'groupNew.submit': 'Create group',
  'groupNew.nameRequired': 'Please name the group',
  'groupNew.import': 'New group from an export',
  'groupNew.import.hint': 'A JSON export of this app, or a Splitwise CSV export. The people in it become members to claim.',
  'groupNew.import.pickFile': 'Choose a file',
  'groupNew.import.pickClipboard': 'Paste what you copied',
  'groupNew.import.clipboardHint': 'Alipay mini-programs cannot open files: copy all the text of the file in a note or a chat first.',
  'groupNew.import.json': 'Export of this app',
  'groupNew.import.splitwise': 'Splitwise export',
  'groupNew.import.pasted': 'Pasted text',
  'groupNew.import.people': '{count} people',
  'groupNew.import.unknown': 'This file is not one we can read: choose a JSON export of this app or a Splitwise CSV export',
  'groupNew.import.me': 'Which one is you?',
  'groupNew.import.notMe': 'None of them',
  'groupNew.import.submit': 'Import as a new group',
  'groupNew.import.done': 'Imported {expenses} expenses and {payments} payments',
  'groupNew.import.line': 'Line {line}: {message}'
}
