/** Registers the statistics page's messages; imported by that page only, so they ship in its subpackage. */
import './categories'
import { addMessages } from './index'
import { enStats } from './stats.en'
import { zhCNStats } from './stats.zh-CN'

addMessages({ 'zh-CN': zhCNStats, en: enStats })
