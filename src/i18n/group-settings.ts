/** Registers the group settings page's messages; imported by that page only, so they ship in its subpackage. */
import { addMessages } from './index'
import { enGroupSettings } from './group-settings.en'
import { zhCNGroupSettings } from './group-settings.zh-CN'

addMessages({ 'zh-CN': zhCNGroupSettings, en: enGroupSettings })
