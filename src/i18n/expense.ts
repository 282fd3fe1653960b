/** Registers the expense page's messages; imported by that page only, so they ship in its subpackage. */
import { enExpense } from './expense.en'
import './categories'
import './recurring'
import { addMessages } from './index'
import { zhCNExpense } from './expense.zh-CN'

addMessages({ 'zh-CN': zhCNExpense, en: enExpense })
