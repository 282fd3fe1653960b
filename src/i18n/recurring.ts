/** Registers the recurring expenses' messages; imported by the pages that show series. */
import './categories'
import { addMessages } from './index'
import { enRecurring } from './recurring.en'
import { zhCNRecurring } from './recurring.zh-CN'

addMessages({ 'zh-CN': zhCNRecurring, en: enRecurring })
