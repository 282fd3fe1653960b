export default definePageConfig({ navigationBarTitleText: '账本设置' })
