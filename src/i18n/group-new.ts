/** Registers the group-new page's messages; imported by that page only, so they ship in its subpackage. */
import { enGroupNew } from './group-new.en'
import { addMessages } from './index'
import { zhCNGroupNew } from './group-new.zh-CN'

addMessages({ 'zh-CN': zhCNGroupNew, en: enGroupNew })
