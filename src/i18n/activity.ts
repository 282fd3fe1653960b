/** Registers the activity page's messages; imported by that page only, so they ship in its subpackage. */
import { addMessages } from './index'
import { enActivity } from './activity.en'
import { zhCNActivity } from './activity.zh-CN'

addMessages({ 'zh-CN': zhCNActivity, en: enActivity })
