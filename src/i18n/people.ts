/** Registers the friends page's messages; imported by that page only, so they ship in its subpackage. */
import { addMessages } from './index'
import { enPeople } from './people.en'
import { zhCNPeople } from './people.zh-CN'

addMessages({ 'zh-CN': zhCNPeople, en: enPeople })
