/** Messages of the friends page, loaded with its subpackage. */
export const zhCNPeople = {
  'people.title': '朋友',
  'people.hint': '和每个人之间还没结清的钱，按账本分开结算。',
  'people.owesYou': '欠你',
  'people.youOwe': '你欠',
  'people.even': '两清',
  'people.youPay': '你付给 {name}',
  'people.theyPay': '{name} 付给你',
  'people.waiting': '已付款，待确认',
  'people.settle': '去这个账本结算',
  'people.empty.title': '都结清了',
  'people.empty.body': '所有账本里，没有人欠你，你也不欠任何人。'
}
