/** The expense categories' names (the form, the expense, statistics, history); loaded by those pages. */
export const zhCNCategories = {
  'category.other': '其他',
  'category.food': '餐饮',
  'category.transport': '交通',
  'category.lodging': '住宿',
  'category.shopping': '购物',
  'category.fun': '娱乐',
  'category.groceries': '日用',
  'category.tickets': '门票'
}
