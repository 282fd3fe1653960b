import type { zhCNCategories } from './categories.zh-CN'

export const enCategories: Record<keyof typeof zhCNCategories, string> = {
  'category.other': 'General',
  'category.food': 'Food',
  'category.transport': 'Transport',
  'category.lodging': 'Lodging',
  'category.shopping': 'Shopping',
  'category.fun': 'Fun',
  'category.groceries': 'Groceries',
  'category.tickets': 'Tickets'
}
