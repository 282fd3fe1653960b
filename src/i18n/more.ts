/** Registers the pages-more subpackage's messages; imported by those pages only, so it ships in the subpackage. */
import { addMessages } from './index'
import { moreEn } from './more.en'
import { moreZhCN } from './more.zh-CN'

addMessages({ 'zh-CN': moreZhCN, en: moreEn })
