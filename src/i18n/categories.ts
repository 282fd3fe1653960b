/** Registers the category names; imported by the pages that show categories. */
import { addMessages, translate, type Locale, type MessageKey } from './index'
import { enCategories } from './categories.en'
import { zhCNCategories } from './categories.zh-CN'

addMessages({ 'zh-CN': zhCNCategories, en: enCategories })

/** A category's name in the locale (the key itself for a category the app does not know, e.g. an imported one). */
export function categoryLabel(key: string, locale: Locale): string {
  const label = translate(locale, `category.${key}` as MessageKey)
  return label === `category.${key}` ? key : label
}
