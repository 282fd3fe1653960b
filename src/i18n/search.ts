/** Registers the search page's messages; imported by that page only, so they ship in its subpackage. */
import './categories'
import { addMessages } from './index'
import { enSearch } from './search.en'
import { zhCNSearch } from './search.zh-CN'

addMessages({ 'zh-CN': zhCNSearch, en: enSearch })
