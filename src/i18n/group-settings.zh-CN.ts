/** Messages of the group settings page (its own subpackage), loaded with it by src/i18n/group-settings.ts. */
export const zhCNGroupSettings = {
  'settings.title': '账本设置',
  'settings.name': '账本名称',
  'settings.cover': '封面',
  'settings.currency': '币种',
  'settings.currencyLocked': '记过账之后币种就固定了',
  'settings.save': '保存设置',
  'settings.saved': '已保存',
  'settings.nameRequired': '请给账本起个名字',
  'settings.members': '成员',
  'settings.joined': '已加入',
  'settings.placeholder': '未加入',
  'settings.rename': '改名',
  'settings.renamed': '已改名',
  'settings.addPlaceholder': '朋友的名字',
  'settings.add': '添加成员',
  'settings.added': '已添加 {name}',
  'settings.organizer': '组织者',
  'settings.makeOrganizer': '交给 TA',
  'settings.makeOrganizerConfirm': '把组织者交给 {name}？',
  'settings.makeOrganizerBody': '组织者可以替收款人确认现金付款。交出后你是普通成员。',
  'settings.handedOver': '组织者已交给 {name}'
}
