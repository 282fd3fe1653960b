export default definePageConfig({ navigationBarTitleText: '新建账本' })
