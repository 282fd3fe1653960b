/** Expense categories offered in the form, with their icon. Stored as the key; the label comes from i18n. */
export const categories = [
  { key: 'food', icon: '🍜' },
  { key: 'transport', icon: '🚕' },
  { key: 'lodging', icon: '🏨' },
  { key: 'groceries', icon: '🧺' },
  { key: 'shopping', icon: '🛍️' },
  { key: 'fun', icon: '🎮' },
  { key: 'tickets', icon: '🎫' },
  { key: 'other', icon: '🧾' }
] as const

export type CategoryKey = (typeof categories)[number]['key']

export function categoryIcon(key: string): string {
  return categories.find((c) => c.key === key)?.icon ?? '🧾'
}

/** Group cover emojis offered when creating a group. */
export const coverEmojis = ['💰', '🍲', '✈️', '🏕️', '🏠', '🎉', '🚗', '🏖️', '🎿', '🍻', '🎂', '⚽']

/** Currencies offered in the pickers: the domain's list (it knows their minor units), in its order. */
export { currencyCodes } from '@/domain/money/currencies'

