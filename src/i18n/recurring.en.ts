import type { zhCNRecurring } from './recurring.zh-CN'

export const enRecurring: Record<keyof typeof zhCNRecurring, string> = {
  'recurring.title': 'Recurring',
  'recurring.repeat': 'Repeat',
  'recurring.none': 'Never',
  'recurring.weekly': 'Weekly',
  'recurring.monthly': 'Monthly',
  'recurring.ruleWeekly': 'Every {weekday}',
  'recurring.ruleMonthly': 'Monthly on day {day}',
  'recurring.ruleMonthlyEnd': 'Monthly on day {day} (the last day in shorter months)',
  'recurring.from': 'from {date}',
  'recurring.until': 'until {date}',
  'recurring.endDate': 'End date (optional)',
  'recurring.noEnd': 'No end',
  'recurring.formHint': 'On each due day a normal expense is added, in your name.',
  'recurring.next': 'Next: {date}',
  'recurring.ended': 'Ended',
  'recurring.made': '{count} added',
  'recurring.stop': 'Stop',
  'recurring.stopConfirm': 'Stop this recurring expense? The expenses already added stay.',
  'recurring.stopped': 'Stopped',
  'recurring.saved': 'Recurring expense saved',
  'recurring.add': 'New recurring expense',
  'recurring.empty': 'No recurring expenses yet',
  'recurring.emptyBody': 'Rent, subscriptions: set up what comes every week or month once, and it is added on time.',
  'recurring.edit': 'Edit recurring expense',
  'recurring.editHint': 'Changes apply from tomorrow; expenses already added stay as they are.'
}
