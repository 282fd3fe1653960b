/** Messages of the expense search page, loaded with its subpackage. */
export const zhCNSearch = {
  'search.title': '搜索账单',
  'search.placeholder': '搜索说明，例如：火锅',
  'search.category': '类别',
  'search.member': '涉及的人',
  'search.any': '不限',
  'search.dates': '日期',
  'search.from': '开始',
  'search.to': '结束',
  'search.clear': '清除',
  'search.none': '没有符合条件的账单',
  'search.hint': '输入文字或选择条件开始搜索',
  'search.found': '找到 {count} 笔',
  'search.foundMore': '已显示 {count} 笔，上拉加载更多'
}
