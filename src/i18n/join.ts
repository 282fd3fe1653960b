/** Registers the join page's messages; imported by that page only, so they ship in its subpackage. */
import { enJoin } from './join.en'
import { addMessages } from './index'
import { zhCNJoin } from './join.zh-CN'

addMessages({ 'zh-CN': zhCNJoin, en: enJoin })
