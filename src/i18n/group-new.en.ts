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
  'groupNew.nameRequired': 'Please name the group'
}
