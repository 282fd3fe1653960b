/** Messages of the group-new page (its own subpackage), loaded with it by src/i18n/group-new.ts. */
export const zhCNGroupNew = {
  'groupNew.title': '新建账本',
  'groupNew.name': '账本名称',
  'groupNew.namePlaceholder': '例如：周末露营',
  'groupNew.currency': '币种',
  'groupNew.cover': '封面',
  'groupNew.removeFriend': '移除 {name}',
  'groupNew.members': '成员（可选）',
  'groupNew.membersHint': '先加上朋友的名字，他们通过邀请加入时可以认领',
  'groupNew.memberPlaceholder': '朋友的名字',
  'groupNew.addMember': '添加',
  'groupNew.submit': '创建账本',
  'groupNew.nameRequired': '请给账本起个名字'
}
