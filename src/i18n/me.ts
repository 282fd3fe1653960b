/** Registers the Me page's messages; imported by that page only, so they ship in its subpackage. */
import { addMessages } from './index'
import { enMe } from './me.en'
import { zhCNMe } from './me.zh-CN'

addMessages({ 'zh-CN': zhCNMe, en: enMe })
