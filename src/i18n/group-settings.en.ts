import type { zhCNGroupSettings } from './group-settings.zh-CN'

export const enGroupSettings: Record<keyof typeof zhCNGroupSettings, string> = {
  'settings.title': 'Group settings',
  'settings.name': 'Group name',
  'settings.cover': 'Cover',
  'settings.currency': 'Currency',
  'settings.currencyLocked': 'The currency is fixed once something is recorded',
  'settings.save': 'Save settings',
  'settings.saved': 'Saved',
  'settings.nameRequired': 'Give the group a name',
  'settings.members': 'Members',
  'settings.joined': 'Joined',
  'settings.placeholder': 'Not joined yet',
  'settings.rename': 'Rename',
  'settings.renamed': 'Renamed',
  'settings.addPlaceholder': "A friend's name",
  'settings.add': 'Add member',
  'settings.added': '{name} added',
  'settings.organizer': 'Organizer',
  'settings.makeOrganizer': 'Make organizer',
  'settings.makeOrganizerConfirm': 'Make {name} the organizer?',
  'settings.makeOrganizerBody': 'The organizer may confirm cash payments for the receiver. You become a member.',
  'settings.handedOver': '{name} is now the organizer'
}
