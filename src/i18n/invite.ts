/** Registers the invite page's messages; imported by that page only, so they ship in its subpackage. */
import { addMessages } from './index'
import { enInvite } from './invite.en'
import { zhCNInvite } from './invite.zh-CN'

addMessages({ 'zh-CN': zhCNInvite, en: enInvite })
