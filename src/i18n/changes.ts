/** Registers the messages that describe an expense's changes; imported by the pages that show them. */
import './categories'
import { addMessages } from './index'
import { enChanges } from './changes.en'
import { zhCNChanges } from './changes.zh-CN'

addMessages({ 'zh-CN': zhCNChanges, en: enChanges })
