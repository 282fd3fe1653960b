/** Registers the settle page's messages; imported by that page only, so they ship in its subpackage. */
import { addMessages } from './index'
import { enSettle } from './settle.en'
import { zhCNSettle } from './settle.zh-CN'

addMessages({ 'zh-CN': zhCNSettle, en: enSettle })
